package io.jenkins.plugins.dataworks.structure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.kohsuke.stapler.QueryParameter;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.w3c.dom.ProcessingInstruction;
import org.xml.sax.InputSource;

/**
 * The Jelly views against the classes they show. InjectedTest compiles every view and checks that it
 * declares escape-by-default; it does not look at what a view refers to. These checks do: a field the
 * class cannot bind or show again, a help file or fill method that is missing, a validate button
 * without its POST method, a property the view reads that does not exist. A configRoundtrip finds
 * some of these only for the fields a test happens to set; a missing help file nothing finds at all.
 */
class JellyViewsTest {

    private static final Pattern IT_REFERENCE = Pattern.compile("\\bit\\.([A-Za-z_][A-Za-z0-9_]*)\\s*(\\()?");
    private static final Pattern I18N_KEY =
            Pattern.compile("\\$\\{%([^}(]+)(\\([^}]*\\))?}|(?<![\\w$])%([A-Za-z][^\\s\"<>]*)");
    private static final Pattern IDENTIFIER_LIKE =
            Pattern.compile("[a-z]+[A-Z][A-Za-z0-9]*|[A-Za-z][A-Za-z0-9]*([._][A-Za-z0-9]+)+");

    @Test
    void thePluginHasViews() {
        assertThat(jellyFiles())
                .as("Jelly views under %s", PluginSources.resourcesDir())
                .isNotEmpty();
        assertThat(configViews()).as("config.jelly views").isNotEmpty();
    }

    /** InjectedTest accepts any escape-by-default declaration, {@code 'false'} too; this asks for {@code 'true'}. */
    @TestFactory
    Stream<DynamicTest> everyViewEscapesByDefault() {
        return jellyFiles().stream()
                .map(view -> DynamicTest.dynamicTest(name(view), () -> {
                    Document doc = parse(view);
                    boolean escaped = false;
                    for (Node n = doc.getFirstChild(); n != null; n = n.getNextSibling()) {
                        if (n instanceof ProcessingInstruction pi
                                && pi.getTarget().equals("jelly")
                                && pi.getData().replace('"', '\'').contains("escape-by-default='true'")) {
                            escaped = true;
                        }
                    }
                    assertThat(escaped)
                            .as("%s starts with <?jelly escape-by-default='true'?>", name(view))
                            .isTrue();
                }));
    }

    @TestFactory
    Stream<DynamicTest> everyFormFieldIsBoundReadBackAndHelped() {
        return configViews().stream()
                .map(view -> DynamicTest.dynamicTest(name(view), () -> {
                    Class<?> type = PluginSources.classOfViewDir(view.getParent());
                    Set<String> bindable = Binding.bindableNames(type);
                    List<String> problems = new ArrayList<>();
                    for (String field : fields(parse(view))) {
                        if (!bindable.contains(field)) {
                            problems.add(field + ": no @DataBoundConstructor parameter or @DataBoundSetter in "
                                    + type.getSimpleName());
                        }
                        if (!Binding.readable(type, field)) {
                            problems.add(field + ": no getter (get/is" + Binding.capitalize(field)
                                    + ") to show the saved value");
                        }
                        if (!Files.exists(view.resolveSibling("help-" + field + ".html"))) {
                            problems.add(field + ": no help-" + field + ".html beside " + name(view));
                        }
                    }
                    assertThat(problems).as("fields of %s", name(view)).isEmpty();
                }));
    }

    @TestFactory
    Stream<DynamicTest> everyListFieldHasAFillMethod() {
        return configViews().stream()
                .map(view -> DynamicTest.dynamicTest(name(view), () -> {
                    Class<?> type = PluginSources.classOfViewDir(view.getParent());
                    Class<?> descriptor = Binding.descriptorOf(type)
                            .orElseThrow(() -> new AssertionError("no descriptor in " + type));
                    List<String> missing = new ArrayList<>();
                    for (Element select :
                            elements(parse(view), e -> e.getLocalName().equals("select"))) {
                        String field = enclosingField(select);
                        String fill = "doFill" + Binding.capitalize(field) + "Items";
                        if (Binding.publicMethod(descriptor, fill).isEmpty()) {
                            missing.add(fill);
                        }
                    }
                    assertThat(missing)
                            .as("fill methods on %s for the lists of %s", descriptor.getSimpleName(), name(view))
                            .isEmpty();
                }));
    }

    @TestFactory
    Stream<DynamicTest> everyValidateButtonReachesAPostMethodWithItsFields() {
        return configViews().stream()
                .map(view -> DynamicTest.dynamicTest(name(view), () -> {
                    Class<?> type = PluginSources.classOfViewDir(view.getParent());
                    Class<?> descriptor = Binding.descriptorOf(type).orElseThrow();
                    Document doc = parse(view);
                    Set<String> fields = fields(doc);
                    for (Element button : elements(doc, e -> e.getLocalName().equals("validateButton"))) {
                        String methodName = "do" + Binding.capitalize(button.getAttribute("method"));
                        Optional<Method> method = Binding.publicMethod(descriptor, methodName);
                        assertThat(method)
                                .as("%s.%s for the button in %s", descriptor.getSimpleName(), methodName, name(view))
                                .isPresent();
                        assertThat(method.get().isAnnotationPresent(org.kohsuke.stapler.verb.POST.class))
                                .as("%s is @POST (it makes a call with the user's credentials)", methodName)
                                .isTrue();
                        Set<String> params = new LinkedHashSet<>();
                        for (Parameter p : method.get().getParameters()) {
                            if (p.isAnnotationPresent(QueryParameter.class)) {
                                params.add(p.getName());
                            }
                        }
                        for (String with : button.getAttribute("with").split(",")) {
                            String w = with.trim();
                            assertThat(fields)
                                    .as("field %s sent by the button", w)
                                    .contains(w);
                            assertThat(params)
                                    .as("@QueryParameter %s of %s", w, methodName)
                                    .contains(w);
                        }
                    }
                }));
    }

    @TestFactory
    Stream<DynamicTest> everyPropertyAViewReadsExists() {
        return jellyFiles().stream()
                .filter(v -> !v.getParent().equals(PluginSources.resourcesDir()))
                .map(view -> DynamicTest.dynamicTest(name(view), () -> {
                    Class<?> type = PluginSources.classOfViewDir(view.getParent());
                    List<String> missing = new ArrayList<>();
                    Matcher m = IT_REFERENCE.matcher(PluginSources.read(view));
                    while (m.find()) {
                        String member = m.group(1);
                        boolean call = m.group(2) != null;
                        boolean found =
                                call ? Binding.publicMethod(type, member).isPresent() : Binding.readable(type, member);
                        if (!found) {
                            missing.add("it." + member + (call ? "(...)" : ""));
                        }
                    }
                    assertThat(missing)
                            .as("members of %s read by %s", type.getSimpleName(), name(view))
                            .isEmpty();
                }));
    }

    /**
     * A Jelly text key shows itself when no view properties file defines it, so keys must either be
     * defined beside the view ({@code config.properties}) or be the English text. Jelly never reads
     * Messages.properties.
     */
    @TestFactory
    Stream<DynamicTest> everyTextKeyIsDefinedOrIsTheText() {
        return jellyFiles().stream()
                .map(view -> DynamicTest.dynamicTest(name(view), () -> {
                    Properties own = new Properties();
                    Path props =
                            view.resolveSibling(view.getFileName().toString().replace(".jelly", ".properties"));
                    if (Files.exists(props)) {
                        own.load(new StringReader(PluginSources.read(props)));
                    }
                    List<String> problems = new ArrayList<>();
                    Matcher m = I18N_KEY.matcher(PluginSources.read(view));
                    while (m.find()) {
                        String key = (m.group(1) != null ? m.group(1) : m.group(3)).trim();
                        if (!own.containsKey(key)
                                && IDENTIFIER_LIKE.matcher(key).matches()) {
                            problems.add(key + ": looks like a key but " + props.getFileName()
                                    + " does not define it, so users would see '" + key + "'");
                        }
                    }
                    assertThat(problems).isEmpty();
                }));
    }

    static List<Path> jellyFiles() {
        return PluginSources.files(PluginSources.resourcesDir(), ".jelly");
    }

    static List<Path> configViews() {
        return jellyFiles().stream()
                .filter(p -> {
                    String n = p.getFileName().toString();
                    return n.equals("config.jelly") || n.equals("global.jelly");
                })
                .toList();
    }

    static Set<String> fields(Document doc) {
        Set<String> fields = new LinkedHashSet<>();
        for (Element e : elements(doc, e -> e.hasAttribute("field"))) {
            fields.add(e.getAttribute("field"));
        }
        return fields;
    }

    private static String enclosingField(Element e) {
        for (Node n = e; n instanceof Element el; n = n.getParentNode()) {
            if (el.hasAttribute("field")) {
                return el.getAttribute("field");
            }
        }
        throw new AssertionError("a <" + e.getTagName() + "> outside any field");
    }

    static List<Element> elements(Document doc, java.util.function.Predicate<Element> test) {
        List<Element> out = new ArrayList<>();
        NodeList all = doc.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (test.test(e)) {
                out.add(e);
            }
        }
        return out;
    }

    static Document parse(Path jelly) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(PluginSources.read(jelly))));
    }

    static String name(Path p) {
        return PluginSources.resourcesDir().relativize(p).toString();
    }
}
