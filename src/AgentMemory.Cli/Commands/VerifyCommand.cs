using AgentMemory.Cli.Verify;
using Microsoft.Data.Sqlite;

namespace AgentMemory.Cli.Commands;

/// <summary><c>agentmemory verify</c>: integrity check and schema version, without changing the file.</summary>
internal static class VerifyCommand
{
    public static Command Create(CliConsole console)
    {
        const string Description = "Check a memory file's integrity and schema version without changing it. Exit code 0: healthy; 1: a problem was found.";
        return CliCommand.Create(console, "verify", Description, [], async run =>
        {
            var settings = run.Settings;
            var supported = SqliteFileInspector.SupportedSchemaVersion;
            IReadOnlyList<string> problems;
            int version;
            try
            {
                using var inspector = SqliteFileInspector.Open(settings.DbPath);
                version = inspector.ReadSchemaVersion();
                problems = inspector.CheckIntegrity();
            }
            catch (SqliteException ex)
            {
                version = -1;
                problems = [ex.Message];
            }

            var all = problems.ToList();
            if (version == 0)
            {
                all.Add("not an AgentMemory file (no schema table)");
            }
            else if (version > supported)
            {
                all.Add($"schema version {version} is newer than this tool understands ({supported}): upgrade agentmemory");
            }

            await console.Output.WriteLineAsync($"File: {settings.DbPath}").ConfigureAwait(false);
            await console.Output.WriteLineAsync(version >= 0 ? $"Schema version: {version} (this tool: {supported}{(version is > 0 && version < supported ? "; migrated on next write" : string.Empty)})" : "Schema version: unreadable").ConfigureAwait(false);
            if (all.Count == 0)
            {
                await console.Output.WriteLineAsync("Integrity: ok").ConfigureAwait(false);
                return ExitCodes.Ok;
            }

            foreach (var p in all)
            {
                await console.Output.WriteLineAsync("Problem: " + p).ConfigureAwait(false);
            }

            return ExitCodes.Failed;
        }, fileOnly: true);
    }
}
