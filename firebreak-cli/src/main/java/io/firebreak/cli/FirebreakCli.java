package io.firebreak.cli;

import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code firebreak}: declare and run incidents from a terminal. Reads {@code FIREBREAK_URL} (default
 * http://127.0.0.1:8080), {@code FIREBREAK_NOTIFICATION_URL} (paging and acks) and {@code FIREBREAK_TOKEN}. Exit codes:
 * 0 done, 1 the API refused (its problem detail is printed; with {@code --json} its problem+json too), 2 usage or
 * configuration, 3 the API could not be reached.
 */
@Command(name = "firebreak", mixinStandardHelpOptions = true, version = "firebreak 0.1.0",
        description = "Declare and run incidents in Firebreak.", subcommands = IncidentCommands.class,
        footerHeading = "%nExit codes:%n",
        footer = {"  0  done", "  1  the API refused: its problem detail (and field) on standard error;",
                "     with --json its problem+json on standard output too",
                "  2  usage or configuration (bad options, FIREBREAK_TOKEN unset)", "  3  the API could not be reached%n"})
public class FirebreakCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), Terminal.system(), new PrintWriter(System.out, true),
                new PrintWriter(System.err, true)));
    }

    /** Runs one command line with the given environment and streams, asking nobody anything; returns the exit code. */
    public static int run(String[] args, Map<String, String> env, PrintWriter out, PrintWriter err) {
        return run(args, env, Terminal.NONE, out, err);
    }

    /** As {@link #run(String[], Map, PrintWriter, PrintWriter)}, asking {@code terminal} when a command has a question. */
    static int run(String[] args, Map<String, String> env, Terminal terminal, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new FirebreakCli());
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof CliException failure) {
                // --json: the API's problem+json goes to standard output too, for scripts; the line on stderr stays
                if (failure.problem() != null && commandLine.getCommand() instanceof IncidentCommands.ApiCommand command
                        && command.json) {
                    Output.json(commandLine.getOut(), failure.problem());
                }
                commandLine.getErr().println("error: " + failure.getMessage());
                return failure.exitCode();
            }
            throw e;
        });
        IncidentCommands.environment(env);
        IncidentCommands.terminal(terminal);
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
