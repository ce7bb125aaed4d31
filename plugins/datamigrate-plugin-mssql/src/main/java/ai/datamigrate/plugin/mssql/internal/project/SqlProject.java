package ai.datamigrate.plugin.mssql.internal.project;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What DataMigrate needs from an SSDT project file ({@code *.sqlproj}): the object scripts it builds, its pre- and
 * post-deployment scripts and its SQLCMD variables with their default values. Paths are as written in the
 * project (Windows separators turned into {@code /}), relative to the project's folder.
 *
 * <p>Read with a few patterns rather than an XML parser: the module needs no {@code java.xml}, and the
 * items of an MSBuild project are flat, attribute-only elements. Comments and {@code &amp;}-style entities are
 * handled; conditions ({@code Condition="..."}) are not judged.
 *
 * @param name        the project's {@code <Name>}, if it has one
 * @param builds      {@code <Build Include="...">} items, in project order (may contain {@code *} wildcards)
 * @param removed     {@code <Build Remove="...">} items (SDK-style projects build every {@code .sql} but these)
 * @param preDeploy   {@code <PreDeploy Include="...">} scripts
 * @param postDeploy  {@code <PostDeploy Include="...">} scripts
 * @param variables   {@code <SqlCmdVariable Include="name">} with their {@code <DefaultValue>} (or {@code <Value>})
 */
public record SqlProject(Optional<String> name, List<String> builds, List<String> removed, List<String> preDeploy,
                         List<String> postDeploy, Map<String, String> variables) {

    private static final Pattern COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);
    private static final Pattern ITEM = Pattern.compile("<(Build|PreDeploy|PostDeploy)\\b([^>]*)>");
    private static final Pattern ATTRIBUTE = Pattern.compile("\\b(Include|Remove)\\s*=\\s*(\"([^\"]*)\"|'([^']*)')");
    private static final Pattern VARIABLE = Pattern.compile(
            "<SqlCmdVariable\\b[^>]*?\\bInclude\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')[^>]*?(?:/>|>(.*?)</SqlCmdVariable\\s*>)",
            Pattern.DOTALL);
    private static final Pattern DEFAULT_VALUE = Pattern.compile("<DefaultValue>(.*?)</DefaultValue>", Pattern.DOTALL);
    private static final Pattern VALUE = Pattern.compile("<Value>(.*?)</Value>", Pattern.DOTALL);
    private static final Pattern NAME = Pattern.compile("<Name>(.*?)</Name>", Pattern.DOTALL);

    public SqlProject {
        builds = List.copyOf(builds);
        removed = List.copyOf(removed);
        preDeploy = List.copyOf(preDeploy);
        postDeploy = List.copyOf(postDeploy);
        variables = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(variables));
    }

    /** Whether the text looks like an MSBuild project at all. */
    public static boolean looksLikeProject(String xml) {
        return COMMENT.matcher(xml).replaceAll("").contains("<Project");
    }

    public static SqlProject parse(String xml) {
        String text = COMMENT.matcher(xml).replaceAll("");
        List<String> builds = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<String> pre = new ArrayList<>();
        List<String> post = new ArrayList<>();
        Matcher item = ITEM.matcher(text);
        while (item.find()) {
            Matcher attribute = ATTRIBUTE.matcher(item.group(2));
            while (attribute.find()) {
                String value = path(attribute.group(3) != null ? attribute.group(3) : attribute.group(4));
                boolean include = attribute.group(1).equals("Include");
                switch (item.group(1)) {
                    case "Build" -> (include ? builds : removed).add(value);
                    case "PreDeploy" -> { if (include) { pre.add(value); } }
                    default -> { if (include) { post.add(value); } }
                }
            }
        }
        Map<String, String> variables = new LinkedHashMap<>();
        Matcher variable = VARIABLE.matcher(text);
        while (variable.find()) {
            String name = unescape(variable.group(1) != null ? variable.group(1) : variable.group(2)).strip();
            String body = variable.group(3) == null ? "" : variable.group(3);
            Matcher value = DEFAULT_VALUE.matcher(body);
            if (!value.find()) {
                value = VALUE.matcher(body);
                if (!value.find()) {
                    continue; // no value: the user must give one (--var), as with sqlpackage
                }
            }
            variables.put(name, unescape(value.group(1).strip()));
        }
        Matcher name = NAME.matcher(text);
        Optional<String> projectName = name.find() ? Optional.of(unescape(name.group(1).strip())).filter(s -> !s.isEmpty())
                : Optional.empty();
        return new SqlProject(projectName, builds, removed, pre, post, variables);
    }

    private static String path(String raw) {
        return unescape(raw).strip().replace('\\', '/');
    }

    static String unescape(String s) {
        if (s.indexOf('&') < 0) {
            return s;
        }
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
                .replace("&#39;", "'").replace("&amp;", "&");
    }
}
