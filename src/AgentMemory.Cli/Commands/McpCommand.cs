using AgentMemory.Cli.Hosting;

namespace AgentMemory.Cli.Commands;

/// <summary><c>agentmemory mcp</c>: the MCP memory server, over stdio (default) or streamable HTTP.</summary>
internal static class McpCommand
{
    public const string TokenVariable = "AGENTMEMORY_MCP_TOKEN";

    public static Command Create(CliConsole console)
    {
        var http = new Option<string?>("--http") { Description = "Serve streamable HTTP at this URL (e.g. http://127.0.0.1:5000; endpoint /mcp) instead of stdio." };
        var token = new Option<string?>("--token") { Description = $"The bearer token HTTP clients must send (default: ${TokenVariable}). Required for any non-loopback address." };
        var logLevel = new Option<LogLevel>("--log-level") { Description = "Logging to stderr: Trace, Debug, Information, Warning (default), Error.", DefaultValueFactory = _ => LogLevel.Warning };
        const string Description = "Serve the memory as MCP tools: over stdio for a local client (Claude Desktop, VS Code, Cursor), or over streamable HTTP with --http.";
        return CliCommand.Create(console, "mcp", Description, [http, token, logLevel], run =>
        {
            var level = run.Get(logLevel);
            if (run.Get(http) is not { } url)
            {
                return McpServerHost.RunStdioAsync(run.Settings, console, level, run.CancellationToken);
            }

            var bearer = run.Get(token) ?? console.Environment(TokenVariable);
            return McpServerHost.RunHttpAsync(run.Settings, console, ListenAddress.Parse(url), string.IsNullOrEmpty(bearer) ? null : bearer, level, run.CancellationToken);
        });
    }
}
