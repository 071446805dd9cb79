namespace AgentMemory.Cli.Commands;

/// <summary><c>agentmemory list</c>: the scope's memories, most recently changed first.</summary>
internal static class ListCommand
{
    public static Command Create(CliConsole console)
    {
        var topic = new Option<string?>("--topic") { Description = "Only this topic." };
        var kind = new Option<MemoryKind?>("--kind") { Description = "Only this kind: Semantic, Episodic or Procedural." };
        var limit = new Option<int>("--limit") { Description = "The most to show.", DefaultValueFactory = _ => 50 };
        const string Description = "List the memories of a user (with their sessions and agents), most recently changed first.";
        return CliCommand.Create(console, "list", Description, [topic, kind, limit], async run =>
        {
            await using var session = run.OpenSession();
            var filter = MemoryFilter.None with
            {
                Topic = run.Get(topic),
                Kinds = run.Get(kind) is { } k ? new HashSet<MemoryKind> { k } : null,
            };
            var records = new List<MemoryRecord>();
            var listing = new MemoryListOptions { Match = ScopeMatch.Within, Filter = filter };
            await foreach (var r in session.Memory.ListAsync(run.Settings.Scope, listing, run.CancellationToken).ConfigureAwait(false))
            {
                records.Add(r);
            }

            var shown = records.OrderByDescending(r => r.UpdatedAt).Take(Math.Max(1, run.Get(limit))).ToList();
            console.Ansi.Write(MemoryTables.Memories(shown));
            console.Ansi.WriteLine($"{shown.Count} of {records.Count} memories of {run.Settings.Scope}.");
            return ExitCodes.Ok;
        });
    }
}
