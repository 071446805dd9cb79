using AgentMemory.Cli.Ui;

namespace AgentMemory.Cli.Commands;

/// <summary><c>agentmemory ui</c>: the memory review page for one user, on loopback.</summary>
internal static class UiCommand
{
    public static Command Create(CliConsole console)
    {
        var port = new Option<int>("--port") { Description = "The port on 127.0.0.1 (default 0: any free port).", DefaultValueFactory = _ => 0 };
        const string Description = "Serve the memory review page for a user on 127.0.0.1: list, search, edit, delete, history, export, erase.";
        return CliCommand.Create(console, "ui", Description, [port], run => ReviewServer.RunAsync(run.Settings, console, run.Get(port), run.CancellationToken));
    }
}
