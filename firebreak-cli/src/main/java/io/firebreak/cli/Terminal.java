package io.firebreak.cli;

import java.io.Console;
import java.lang.reflect.Method;

/**
 * The person at the keyboard, when there is one: the CLI asks a question (declare anyway?) only when standard input
 * and output are a terminal. Scripts and CI get no question and a plain refusal instead.
 */
interface Terminal {

    /** No person to ask: every question is answered "no" without being asked. */
    Terminal NONE = new Terminal() {
        @Override
        public boolean interactive() {
            return false;
        }

        @Override
        public String readLine() {
            return null;
        }
    };

    boolean interactive();

    /** The next line the person typed, or null when input ended. */
    String readLine();

    /** The process's own terminal, if it has one. */
    static Terminal system() {
        Console console = System.console();
        if (console == null || !isTerminal(console)) {
            return NONE;
        }
        return new Terminal() {
            @Override
            public boolean interactive() {
                return true;
            }

            @Override
            public String readLine() {
                return console.readLine();
            }
        };
    }

    /**
     * From Java 22 {@code System.console()} exists even when input is redirected, and {@code Console.isTerminal()}
     * (absent before 22) tells; before 22 a console exists only on a terminal. Reflection keeps the jar on Java 17.
     */
    private static boolean isTerminal(Console console) {
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }
}
