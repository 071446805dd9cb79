using System.CommandLine;
using AgentMemory.Cli.Hosting;
using Microsoft.Extensions.Logging;

namespace AgentMemory.Cli.Commands;

/// <summary><c>agentmemory mcp</c>: the MCP memory server, over stdio (default) or streamable HTTP.</summary>
internal static class McpCommand
{
    public const string TokenVariable = "AGENTMEMORY_MCP_TOKEN";

    public static Command Create(CliConsole console)
    {
        var common = new CommonOptions();
        var http = new Option<string?>("--http") { Description = "Serve streamable HTTP at this URL (e.g. http://127.0.0.1:5000; endpoint /mcp) instead of stdio." };
        var token = new Option<string?>("--token") { Description = $"The bearer token HTTP clients must send (default: ${TokenVariable}). Required for any non-loopback address." };
        var logLevel = new Option<LogLevel>("--log-level") { Description = "Logging to stderr: Trace, Debug, Information, Warning (default), Error.", DefaultValueFactory = _ => LogLevel.Warning };
        var command = new Command("mcp", "Serve the memory as MCP tools: over stdio for a local client (Claude Desktop, VS Code, Cursor), or over streamable HTTP with --http.");
        common.AddTo(command);
        command.Add(http);
        command.Add(token);
        command.Add(logLevel);
        command.SetAction((result, ct) => CommandRunner.RunAsync(console, () =>
        {
            var settings = common.Read(result, console);
            var level = result.GetValue(logLevel);
            if (result.GetValue(http) is not { } url)
            {
                return McpServerHost.RunStdioAsync(settings, console, level, ct);
            }

            var bearer = result.GetValue(token) ?? console.Environment(TokenVariable);
            return McpServerHost.RunHttpAsync(settings, console, ListenAddress.Parse(url), string.IsNullOrEmpty(bearer) ? null : bearer, level, ct);
        }));
        return command;
    }
}
