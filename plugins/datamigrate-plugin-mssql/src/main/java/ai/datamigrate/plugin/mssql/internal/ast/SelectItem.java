package ai.datamigrate.plugin.mssql.internal.ast;

import java.util.Optional;

public sealed interface SelectItem extends Node {

    /** How an alias was written, so that printing gives the same tree back. */
    enum AliasStyle { NONE, AS, BARE, EQUALS, AS_STRING, EQUALS_STRING }

    /** {@code expr}, {@code expr AS a}, {@code expr a}, {@code a = expr}, {@code 'a' = expr}, {@code t.*}. */
    record Column(Pos pos, Expr expr, Optional<String> alias, AliasStyle style) implements SelectItem {
    }

    /** {@code SELECT @v = expr} (or {@code +=} and the other compound operators). */
    record Assignment(Pos pos, String variable, String operator, Expr value) implements SelectItem {
    }
}
