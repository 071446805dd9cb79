namespace AgentMemory.Cli.Commands;

/// <summary><c>agentmemory export --user U</c>: everything of a user as AgentMemory's JSON export (to stdout or --out).</summary>
internal static class ExportCommand
{
    public static Command Create(CliConsole console)
    {
        var output = new Option<string?>("--out", "-o") { Description = "Write to this file instead of standard output." };
        return CliCommand.Create(console, "export", "Export everything kept about a user (memories and their history) as JSON.", [output], async run =>
        {
            var ct = run.CancellationToken;
            await using var session = run.OpenSession();
            if (run.Get(output) is { } path)
            {
                // Written beside the target and moved into place, so a failed export never leaves half a file.
                var temp = path + ".partial";
                var stream = File.Create(temp);
                await using (stream.ConfigureAwait(false))
                {
                    await session.Memory.ExportAsync(run.Settings.Scope, stream, ct).ConfigureAwait(false);
                }

                File.Move(temp, path, overwrite: true);
                await console.Error.WriteLineAsync($"Exported {run.Settings.Scope} to {Path.GetFullPath(path)}.").ConfigureAwait(false);
            }
            else
            {
                using var buffer = new MemoryStream();
                await session.Memory.ExportAsync(run.Settings.Scope, buffer, ct).ConfigureAwait(false);
                await console.Output.WriteLineAsync(System.Text.Encoding.UTF8.GetString(buffer.ToArray())).ConfigureAwait(false);
                await console.Output.FlushAsync(ct).ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        });
    }
}
