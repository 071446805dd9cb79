using System.CommandLine;
using AgentMemory.Cli.Setup;

namespace AgentMemory.Cli.Commands;

/// <summary><c>agentmemory export --user U</c>: everything of a user as AgentMemory's JSON export (to stdout or --out).</summary>
internal static class ExportCommand
{
    public static Command Create(CliConsole console)
    {
        var common = new CommonOptions();
        var output = new Option<string?>("--out", "-o") { Description = "Write to this file instead of standard output." };
        var command = new Command("export", "Export everything kept about a user (memories and their history) as JSON.");
        common.AddTo(command);
        command.Add(output);
        command.SetAction((result, ct) => CommandRunner.RunAsync(console, async () =>
        {
            var settings = common.Read(result, console);
            await using var session = MemorySession.Open(settings, console);
            if (result.GetValue(output) is { } path)
            {
                // Written beside the target and moved into place, so a failed export never leaves half a file.
                var temp = path + ".partial";
                var stream = File.Create(temp);
                await using (stream.ConfigureAwait(false))
                {
                    await session.Memory.ExportAsync(settings.Scope, stream, ct).ConfigureAwait(false);
                }

                File.Move(temp, path, overwrite: true);
                await console.Error.WriteLineAsync($"Exported {settings.Scope} to {Path.GetFullPath(path)}.").ConfigureAwait(false);
            }
            else
            {
                using var buffer = new MemoryStream();
                await session.Memory.ExportAsync(settings.Scope, buffer, ct).ConfigureAwait(false);
                await console.Output.WriteLineAsync(System.Text.Encoding.UTF8.GetString(buffer.ToArray())).ConfigureAwait(false);
                await console.Output.FlushAsync(ct).ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        }));
        return command;
    }
}
