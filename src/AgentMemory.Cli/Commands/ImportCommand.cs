using AgentMemory.Cli.Import;

namespace AgentMemory.Cli.Commands;

/// <summary><c>agentmemory import FILE</c>: AgentMemory's export or Mem0's memories JSON, all or nothing.</summary>
internal static class ImportCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("file") { Description = "The JSON file: an AgentMemory export, or Mem0 memories (get_all output)." };
        var format = new Option<ImportFormat>("--format") { Description = "Auto (default), AgentMemory or Mem0.", DefaultValueFactory = _ => ImportFormat.Auto };
        const string Description = "Import memories, all or nothing. An AgentMemory export keeps each memory's scope unless --user is given; Mem0 memories go to their user_id unless --user is given and pass the same guards as formed memories (blocked ones are listed, not imported). Memories already present (same id) are skipped.";
        return CliCommand.Create(console, "import", Description, [file, format], async run =>
        {
            var settings = run.Settings;
            var target = new ImportTarget(settings.Tenant, settings.UserGiven ? settings.User : null, run.Get(run.Common.Agent));
            var (kind, records) = await MemoryImporter.ReadAsync(run.Get(file)!, run.Get(format), target, run.CancellationToken).ConfigureAwait(false);
            await using var session = run.OpenSession(create: true);
            var imported = await MemoryImporter.WriteAsync(session, records, screen: kind == ImportFormat.Mem0, run.CancellationToken).ConfigureAwait(false);
            console.Ansi.WriteLine($"Imported {imported.Added} memories ({kind} format); {imported.Present} were already present.");
            if (imported.Blocked.Count > 0)
            {
                console.Ansi.WriteLine($"Not imported, blocked by the guards ({imported.Blocked.Count}):");
                foreach (var (record, reason) in imported.Blocked)
                {
                    console.Ansi.WriteLine($"  {record.Id}  {reason}");
                }
            }

            return ExitCodes.Ok;
        });
    }
}
