using System.CommandLine;
using AgentMemory.Cli.Output;
using AgentMemory.Cli.Setup;
using Spectre.Console;

namespace AgentMemory.Cli.Commands;

/// <summary><c>agentmemory search QUERY</c>: what recall returns for a question, best first, with scores.</summary>
internal static class SearchCommand
{
    public static Command Create(CliConsole console)
    {
        var common = new CommonOptions();
        var query = new Argument<string>("query") { Description = "What to look for, in natural language." };
        var limit = new Option<int>("--limit") { Description = "How many to return.", DefaultValueFactory = _ => 10 };
        var command = new Command("search", "Search a user's memories the way an agent's recall would.");
        common.AddTo(command);
        command.Add(query);
        command.Add(limit);
        command.SetAction((result, ct) => CommandRunner.RunAsync(console, async () =>
        {
            var settings = common.Read(result, console);
            await using var session = MemorySession.Open(settings, console);
            var text = result.GetValue(query);
            if (string.IsNullOrWhiteSpace(text))
            {
                throw new CliException("The query is empty.");
            }

            var hits = await session.Memory.RecallAsync(
                new RecallRequest { Scope = settings.Scope, Query = text, TopK = Math.Clamp(result.GetValue(limit), 1, 1000) }, ct).ConfigureAwait(false);
            console.Ansi.Write(MemoryTables.Memories(hits.Select(h => h.Record), hits.ToDictionary(h => h.Record.Id, h => h.Score)));
            console.Ansi.WriteLine($"{hits.Count} memories match.");
            return ExitCodes.Ok;
        }));
        return command;
    }
}
