using System.CommandLine;
using AgentMemory.Cli.Output;
using AgentMemory.Cli.Setup;
using Spectre.Console;

namespace AgentMemory.Cli.Commands;

/// <summary><c>agentmemory list</c>: the scope's memories, most recently changed first.</summary>
internal static class ListCommand
{
    public static Command Create(CliConsole console)
    {
        var common = new CommonOptions();
        var topic = new Option<string?>("--topic") { Description = "Only this topic." };
        var kind = new Option<MemoryKind?>("--kind") { Description = "Only this kind: Semantic, Episodic or Procedural." };
        var limit = new Option<int>("--limit") { Description = "The most to show.", DefaultValueFactory = _ => 50 };
        var command = new Command("list", "List the memories of a user (with their sessions and agents), most recently changed first.");
        common.AddTo(command);
        command.Add(topic);
        command.Add(kind);
        command.Add(limit);
        command.SetAction((result, ct) => CommandRunner.RunAsync(console, async () =>
        {
            var settings = common.Read(result, console);
            await using var session = MemorySession.Open(settings, console);
            var filter = MemoryFilter.None with
            {
                Topic = result.GetValue(topic),
                Kinds = result.GetValue(kind) is { } k ? new HashSet<MemoryKind> { k } : null,
            };
            var records = new List<MemoryRecord>();
            await foreach (var r in session.Memory.ListAsync(settings.Scope, new MemoryListOptions { Match = ScopeMatch.Within, Filter = filter }, ct).ConfigureAwait(false))
            {
                records.Add(r);
            }

            var shown = records.OrderByDescending(r => r.UpdatedAt).Take(Math.Max(1, result.GetValue(limit))).ToList();
            console.Ansi.Write(MemoryTables.Memories(shown));
            console.Ansi.WriteLine($"{shown.Count} of {records.Count} memories of {settings.Scope}.");
            return ExitCodes.Ok;
        }));
        return command;
    }
}
