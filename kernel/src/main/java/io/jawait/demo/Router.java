package io.jawait.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The route table: templates such as {@code /users/{id}}, matched in the order they were first added. */
final class Router {

    /** A route: the handler is a {@link SyncRoute} or an {@link AsyncRoute}. */
    record Route(String method, String template, Pattern pattern, List<String> names, Object handler) {
    }

    /** A matched route and the path parameters it captured. */
    record Match(Route route, Map<String, String> params) {
    }

    private static final Pattern PARAM = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)}");
    private final List<Route> routes = new CopyOnWriteArrayList<>();

    /** Adds a route; one with the same method and template is replaced in place, as a re-run cell expects. */
    synchronized void add(String method, String template, Object handler) {
        if (template == null || !template.startsWith("/") || template.contains("?")) {
            throw new IllegalArgumentException("a route path starts with / and has no query, not: " + template);
        }
        if (handler == null) {
            throw new IllegalArgumentException("no handler given for " + method + " " + template);
        }
        List<String> names = new ArrayList<>();
        StringBuilder regex = new StringBuilder();
        Matcher m = PARAM.matcher(template);
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(template.substring(last, m.start()))).append("([^/]+)");
            names.add(m.group(1));
            last = m.end();
        }
        regex.append(Pattern.quote(template.substring(last)));
        var route = new Route(method, template, Pattern.compile(regex.toString()), names, handler);
        for (int i = 0; i < routes.size(); i++) {
            if (routes.get(i).method().equals(method) && routes.get(i).template().equals(template)) {
                routes.set(i, route);
                return;
            }
        }
        routes.add(route);
    }

    /** The route for a request, or null; {@code pathExists} tells 405 from 404 when it is null. */
    Match find(String method, String path) {
        for (Route route : routes) {
            Matcher m = route.pattern().matcher(path);
            if (route.method().equals(method) && m.matches()) {
                Map<String, String> params = new LinkedHashMap<>();
                for (int i = 0; i < route.names().size(); i++) {
                    params.put(route.names().get(i), m.group(i + 1));
                }
                return new Match(route, params);
            }
        }
        return null;
    }

    boolean pathExists(String path) {
        return routes.stream().anyMatch(r -> r.pattern().matcher(path).matches());
    }

    List<Route> routes() {
        return List.copyOf(routes);
    }
}
