using AgentMemory.Cli.Commands;

namespace AgentMemory.Cli;

/// <summary>The <c>agentmemory</c> command line.</summary>
internal static class CliApplication
{
    public static RootCommand Create(CliConsole console)
    {
        var root = new RootCommand("AgentMemory: a local memory server for MCP clients, and tools to inspect, export, import, erase and verify a memory file.")
        {
            McpCommand.Create(console),
            StatsCommand.Create(console),
            ListCommand.Create(console),
            SearchCommand.Create(console),
            ShowCommand.Create(console),
            ExportCommand.Create(console),
            ImportCommand.Create(console),
            EraseCommand.Create(console),
            VerifyCommand.Create(console),
            UiCommand.Create(console),
        };
        return root;
    }

    public static Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken)
    {
        var configuration = new InvocationConfiguration { Output = console.Output, Error = console.Error };
        return Create(console).Parse(args).InvokeAsync(configuration, cancellationToken);
    }
}
