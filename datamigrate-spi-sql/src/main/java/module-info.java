/** SPI for target dialects that render SQL through Apache Calcite ({@code SqlNode} trees unparsed by a dialect). */
module ai.datamigrate.spi.sql {
    requires transitive ai.datamigrate.spi;
    requires transitive calcite.core;

    exports ai.datamigrate.spi.sql;
}
