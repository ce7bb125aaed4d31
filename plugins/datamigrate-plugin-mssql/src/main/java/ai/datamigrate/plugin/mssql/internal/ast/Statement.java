package ai.datamigrate.plugin.mssql.internal.ast;

import ai.datamigrate.plugin.mssql.internal.ast.Part.Argument;
import ai.datamigrate.plugin.mssql.internal.ast.Part.Cte;
import ai.datamigrate.plugin.mssql.internal.ast.Part.MergeWhen;
import ai.datamigrate.plugin.mssql.internal.ast.Part.Name;
import ai.datamigrate.plugin.mssql.internal.ast.Part.OutputClause;
import ai.datamigrate.plugin.mssql.internal.ast.Part.Query;
import ai.datamigrate.plugin.mssql.internal.ast.Part.SetClause;
import ai.datamigrate.plugin.mssql.internal.ast.Part.TableElement;
import ai.datamigrate.plugin.mssql.internal.ast.Part.Tokens;
import ai.datamigrate.plugin.mssql.internal.ast.Part.Top;
import ai.datamigrate.plugin.mssql.internal.ast.Part.VariableDecl;
import java.util.List;
import java.util.Optional;

/** The statements of view, routine and trigger bodies. */
public sealed interface Statement extends Node {

    record Select(Pos pos, Query query) implements Statement {
    }

    record Insert(Pos pos, List<Cte> ctes, Optional<Top> top, TableSource target, List<String> columns,
                  Optional<OutputClause> output, InsertSource source) implements Statement {
        public Insert {
            ctes = List.copyOf(ctes);
            columns = List.copyOf(columns);
        }
    }

    /** @param currentOf the cursor of {@code WHERE CURRENT OF c} */
    record Update(Pos pos, List<Cte> ctes, Optional<Top> top, TableSource target, List<SetClause> sets,
                  Optional<OutputClause> output, List<TableSource> from, Optional<Expr> where,
                  Optional<String> currentOf, Optional<Tokens> option) implements Statement {
        public Update {
            ctes = List.copyOf(ctes);
            sets = List.copyOf(sets);
            from = List.copyOf(from);
        }
    }

    record Delete(Pos pos, List<Cte> ctes, Optional<Top> top, TableSource target, Optional<OutputClause> output,
                  List<TableSource> from, Optional<Expr> where, Optional<String> currentOf,
                  Optional<Tokens> option) implements Statement {
        public Delete {
            ctes = List.copyOf(ctes);
            from = List.copyOf(from);
        }
    }

    record Merge(Pos pos, List<Cte> ctes, Optional<Top> top, TableSource target, TableSource source, Expr on,
                 List<MergeWhen> clauses, Optional<OutputClause> output, Optional<Tokens> option)
            implements Statement {
        public Merge {
            ctes = List.copyOf(ctes);
            clauses = List.copyOf(clauses);
        }
    }

    record Declare(Pos pos, List<VariableDecl> variables) implements Statement {
        public Declare {
            variables = List.copyOf(variables);
        }
    }

    record DeclareTable(Pos pos, String name, List<TableElement> elements) implements Statement {
        public DeclareTable {
            elements = List.copyOf(elements);
        }
    }

    /** @param options LOCAL, FORWARD_ONLY, STATIC, ... as written; forUpdate the {@code FOR UPDATE [OF ...]} */
    record DeclareCursor(Pos pos, String name, List<String> options, Query query, Optional<Tokens> forUpdate)
            implements Statement {
        public DeclareCursor {
            options = List.copyOf(options);
        }
    }

    /** {@code SET @v = expr}, {@code SET @v += expr}. */
    record SetVariable(Pos pos, String variable, String operator, Expr value) implements Statement {
    }

    /** {@code SET NOCOUNT ON}, {@code SET TRANSACTION ISOLATION LEVEL ...}: the words after SET. */
    record SetOption(Pos pos, Tokens words) implements Statement {
    }

    record If(Pos pos, Expr condition, Statement then, Optional<Statement> otherwise) implements Statement {
    }

    record While(Pos pos, Expr condition, Statement body) implements Statement {
    }

    record Block(Pos pos, List<Statement> statements) implements Statement {
        public Block {
            statements = List.copyOf(statements);
        }
    }

    record TryCatch(Pos pos, List<Statement> tryStatements, List<Statement> catchStatements) implements Statement {
        public TryCatch {
            tryStatements = List.copyOf(tryStatements);
            catchStatements = List.copyOf(catchStatements);
        }
    }

    record Return(Pos pos, Optional<Expr> value) implements Statement {
    }

    record Break(Pos pos) implements Statement {
    }

    record Continue(Pos pos) implements Statement {
    }

    record Goto(Pos pos, String label) implements Statement {
    }

    record Label(Pos pos, String name) implements Statement {
    }

    /** @param verb {@code OPEN}, {@code CLOSE} or {@code DEALLOCATE} */
    record CursorCommand(Pos pos, String verb, boolean global, String cursor) implements Statement {
    }

    /** @param direction NEXT, PRIOR, FIRST, LAST, ABSOLUTE or RELATIVE, when written */
    record Fetch(Pos pos, Optional<String> direction, Optional<Expr> offset, boolean global, String cursor,
                 List<String> into) implements Statement {
        public Fetch {
            into = List.copyOf(into);
        }
    }

    record CreateTable(Pos pos, Name name, List<TableElement> elements) implements Statement {
        public CreateTable {
            elements = List.copyOf(elements);
        }
    }

    /**
     * {@code EXEC [@rc =] procedure args}; the procedure is a name or, for {@code EXEC @name}, a variable.
     *
     * @param options {@code WITH RECOMPILE}, {@code WITH RESULT SETS ...}: the words after WITH
     */
    record Execute(Pos pos, Optional<String> returnVariable, Optional<Name> procedure,
                   Optional<String> procedureVariable, List<Argument> arguments, Optional<Tokens> options)
            implements Statement {
        public Execute {
            arguments = List.copyOf(arguments);
        }
    }

    /** {@code EXEC ('SELECT ' + @x) [AT server]}: dynamic SQL. */
    record ExecuteString(Pos pos, Expr sql, Optional<String> at) implements Statement {
    }

    record Throw(Pos pos, List<Expr> arguments) implements Statement {
        public Throw {
            arguments = List.copyOf(arguments);
        }
    }

    record Raiserror(Pos pos, List<Expr> arguments, List<String> options) implements Statement {
        public Raiserror {
            arguments = List.copyOf(arguments);
            options = List.copyOf(options);
        }
    }

    /** @param verb {@code BEGIN TRANSACTION}, {@code COMMIT TRANSACTION}, {@code ROLLBACK TRANSACTION}, {@code SAVE TRANSACTION}, {@code COMMIT}, ... */
    record Transaction(Pos pos, String verb, Optional<String> name) implements Statement {
    }

    /** @param kind {@code DELAY} or {@code TIME} */
    record Waitfor(Pos pos, String kind, Expr value) implements Statement {
    }

    record Print(Pos pos, Expr value) implements Statement {
    }

    record Truncate(Pos pos, Name table) implements Statement {
    }

    /** @param kind {@code TABLE}, {@code VIEW}, {@code PROCEDURE}, ... */
    record Drop(Pos pos, String kind, boolean ifExists, List<Name> names) implements Statement {
        public Drop {
            names = List.copyOf(names);
        }
    }

    /** A statement recognised but kept as words: CREATE INDEX, ALTER TABLE, GRANT, DBCC, UPDATE STATISTICS ... */
    record Other(Pos pos, Tokens words) implements Statement {
    }

    /** Text the parser could not read; a diagnostic says why. */
    record Unparsed(Pos pos, Tokens words, String reason) implements Statement {
    }
}
