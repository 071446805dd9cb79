namespace AgentMemory.Cli.Commands;

/// <summary><c>agentmemory search QUERY</c>: what recall returns for a question, best first, with scores.</summary>
internal static class SearchCommand
{
    public static Command Create(CliConsole console)
    {
        var query = new Argument<string>("query") { Description = "What to look for, in natural language." };
        var limit = new Option<int>("--limit") { Description = "How many to return.", DefaultValueFactory = _ => 10 };
        return CliCommand.Create(console, "search", "Search a user's memories the way an agent's recall would.", [query, limit], async run =>
        {
            await using var session = run.OpenSession();
            var text = run.Get(query);
            if (string.IsNullOrWhiteSpace(text))
            {
                throw new CliException("The query is empty.");
            }

            var request = new RecallRequest { Scope = run.Settings.Scope, Query = text, TopK = Math.Clamp(run.Get(limit), 1, 1000) };
            var hits = await session.Memory.RecallAsync(request, run.CancellationToken).ConfigureAwait(false);
            console.Ansi.Write(MemoryTables.Memories(hits.Select(h => h.Record), hits.ToDictionary(h => h.Record.Id, h => h.Score)));
            console.Ansi.WriteLine($"{hits.Count} memories match.");
            return ExitCodes.Ok;
        });
    }
}
