package io.firebreak.support.testing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.support.RouterFunctionMapping;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import reactor.core.publisher.Mono;

/**
 * Every route a running service answers, read from its application context (annotated controllers, actuator
 * endpoints and router functions), so a route walk cannot forget a new endpoint.
 */
public final class Routes {

    /** One method and path pattern the service routes. */
    public record Route(HttpMethod method, String pattern) {

        /** A concrete path for the pattern: variables become a sample id, wildcards a segment. */
        public String samplePath() {
            return pattern.replaceAll("\\{\\*[^}]+}", "x").replaceAll("\\{[^}]+}", "00000000-0000-4000-8000-000000000001")
                    .replace("/**", "/x").replace("/*", "/x");
        }

        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }

    private Routes() {
    }

    public static Set<Route> of(ApplicationContext context) {
        Set<Route> routes = new LinkedHashSet<>();
        for (RequestMappingInfoHandlerMapping mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class)
                .values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (PathPattern pattern : info.getPatternsCondition().getPatterns()) {
                    if (methods.isEmpty()) {
                        routes.add(new Route(HttpMethod.GET, pattern.getPatternString()));
                    }
                    for (RequestMethod method : methods) {
                        routes.add(new Route(method.asHttpMethod(), pattern.getPatternString()));
                    }
                }
            }
        }
        for (RouterFunctionMapping mapping : context.getBeansOfType(RouterFunctionMapping.class).values()) {
            RouterFunction<?> function = mapping.getRouterFunction();
            if (function != null) {
                function.accept(new Collector(routes));
            }
        }
        routes.removeIf(route -> route.method() == HttpMethod.HEAD || route.method() == HttpMethod.OPTIONS);
        return routes;
    }

    private static final class Collector implements RouterFunctions.Visitor {

        private final Set<Route> routes;
        private final List<String> prefixes = new ArrayList<>();

        Collector(Set<Route> routes) {
            this.routes = routes;
        }

        @Override
        public void startNested(RequestPredicate predicate) {
            Shape shape = Shape.of(predicate);
            prefixes.add(shape.paths.isEmpty() ? "" : shape.paths.get(0));
        }

        @Override
        public void endNested(RequestPredicate predicate) {
            prefixes.remove(prefixes.size() - 1);
        }

        @Override
        public void route(RequestPredicate predicate, HandlerFunction<?> handlerFunction) {
            Shape shape = Shape.of(predicate);
            String prefix = String.join("", prefixes);
            List<String> paths = shape.paths.isEmpty() ? List.of("") : shape.paths;
            Set<HttpMethod> methods = shape.methods.isEmpty() ? Set.of(HttpMethod.GET) : shape.methods;
            for (String path : paths) {
                for (HttpMethod method : methods) {
                    routes.add(new Route(method, prefix + path));
                }
            }
        }

        @Override
        public void resources(Function<ServerRequest, Mono<Resource>> lookupFunction) {
        }

        @Override
        public void attributes(Map<String, Object> attributes) {
        }

        @Override
        public void unknown(RouterFunction<?> routerFunction) {
        }
    }

    private static final class Shape implements RequestPredicates.Visitor {

        final List<String> paths = new ArrayList<>();
        final Set<HttpMethod> methods = new LinkedHashSet<>();

        static Shape of(RequestPredicate predicate) {
            Shape shape = new Shape();
            predicate.accept(shape);
            return shape;
        }

        @Override
        public void method(Set<HttpMethod> methods) {
            this.methods.addAll(methods);
        }

        @Override
        public void path(String pattern) {
            paths.add(pattern);
        }

        @Override
        public void pathExtension(String extension) {
        }

        @Override
        public void header(String name, String value) {
        }

        @Override
        public void queryParam(String name, String value) {
        }

        @Override
        public void version(String version) {
        }

        @Override
        public void startAnd() {
        }

        @Override
        public void and() {
        }

        @Override
        public void endAnd() {
        }

        @Override
        public void startOr() {
        }

        @Override
        public void or() {
        }

        @Override
        public void endOr() {
        }

        @Override
        public void startNegate() {
        }

        @Override
        public void endNegate() {
        }

        @Override
        public void unknown(RequestPredicate predicate) {
        }
    }
}
