// QuickStart: two sessions with the same user, five days apart. No API key, no network: the offline extractor and the
// in-process embedding model (AgentMemory.Onnx: all-MiniLM-L6-v2, weights shipped in the package) do the work — the
// recommended offline setup is core + SQLite + Onnx. Run: dotnet run --project samples/QuickStart -c Release
using AgentMemory;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

var clock = new ManualClock(new DateTimeOffset(2026, 11, 2, 18, 30, 0, TimeSpan.Zero)); // a Monday evening

var services = new ServiceCollection();
services.AddSingleton<TimeProvider>(clock);
services.AddAgentMemory()
        .UseSqlite("Data Source=quickstart.db") // one durable file: a second run recalls what the first stored
        .UseLocalEmbeddings()                   // semantic recall with no key: paraphrases find the fact
        .UseTiktokenTokenCounter();       // exact o200k_base token counts for the prompt budget
await using var provider = services.BuildServiceProvider();
var memory = provider.GetRequiredService<IAgentMemory>();
var alice = MemoryScope.ForUser("demo", "alice");

var stored = false;
await foreach (var _ in memory.ListAsync(alice))
{
    stored = true;
    break;
}

if (stored)
{
    Console.WriteLine("SESSION 1 — already remembered in quickstart.db by an earlier run (delete the file to start over)");
}
else
{
    // ── Session 1 ─────────────────────────────────────────────────────────────────────────────────────────────────────
    Console.WriteLine("SESSION 1 — Monday 2 Nov");
    ChatMessage[] monday =
    [
        new(ChatRole.User, "Hi! I'm planning meals for the week. I'm vegetarian, and my sister lives in Lyon. She visits on Saturday."),
        new(ChatRole.Assistant, "Lovely! Shall I suggest a few vegetarian dishes you could cook together on Saturday?"),
        new(ChatRole.User, "Yes please. I prefer short answers. From now on, answer in bullet points."),
        new(ChatRole.User, "Oh, and I love hiking, so something I can pack for a trail on Sunday would be great."),
    ];
    foreach (var m in monday)
    {
        Console.WriteLine($"  {m.Role,-9} {m.Text}");
    }

    await memory.RememberAsync(alice.WithSession("monday"), monday); // queued: formation never blocks the reply
    await memory.FlushAsync();                                       // a console app drains the queue itself

    Console.WriteLine();
    Console.WriteLine("  Remembered about Alice:");
    await foreach (var record in memory.ListAsync(alice))
    {
        if (record.Kind != MemoryKind.Episodic)
        {
            Console.WriteLine($"    [{record.Kind,-10}] {record.Text}");
        }
    }
}

// ── Session 2, five days later ────────────────────────────────────────────────────────────────────────────────────
clock.Advance(TimeSpan.FromDays(5));
var question = "Can you follow up on what we discussed? What should I cook when my sister comes over?";
Console.WriteLine();
Console.WriteLine("SESSION 2 — Saturday 7 Nov (new session, nothing in the chat history)");
Console.WriteLine($"  User      {question}");

var request = new RecallRequest { Scope = alice.WithSession("saturday"), Query = question, TopK = 6 };
var hits = await memory.RecallAsync(request);
Console.WriteLine();
Console.WriteLine("  Recalled (score = parts):");
foreach (var hit in hits)
{
    Console.WriteLine($"    {hit.Score:0.000}  {hit.Record.Text}");
    Console.WriteLine($"           {hit.Explain()}");
}

var context = await memory.BuildContextAsync(request, tokenBudget: 400);
Console.WriteLine();
Console.WriteLine($"  System prompt that would be sent ({context.TokenCount} memory tokens, {context.Omitted} omitted):");
Console.WriteLine("  ┌────");
foreach (var line in ("You are a helpful cooking assistant.\n\n" + context.Text).Split('\n'))
{
    Console.WriteLine("  │ " + line);
}

Console.WriteLine("  └────");
