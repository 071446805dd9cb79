// ChatWithMemory: a console chat agent that remembers you across runs.
//
//   OPENAI_API_KEY          OpenAI (or Azure OpenAI) key
//   OPENAI_BASE_URL         an OpenAI-compatible endpoint, e.g. http://localhost:11434/v1 (Ollama)
//   OPENAI_CHAT_MODEL       default gpt-4o-mini       (Ollama: e.g. llama3.2)
//   OPENAI_EMBEDDING_MODEL  default text-embedding-3-small (Ollama: e.g. nomic-embed-text)
//   AGENTMEMORY_DB          the SQLite file, default ./chat-memory.db
//
// With neither OPENAI_API_KEY nor OPENAI_BASE_URL set it runs offline: rule-based extraction, local embeddings and a
// canned reply that shows what was recalled. Commands: /memories, /usage, /forget, /quit. Ends when stdin closes.
using AgentMemory;
using AgentMemory.Models;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

var apiKey = Environment.GetEnvironmentVariable("OPENAI_API_KEY");
var baseUrl = Environment.GetEnvironmentVariable("OPENAI_BASE_URL");
var chatModel = Environment.GetEnvironmentVariable("OPENAI_CHAT_MODEL") is { Length: > 0 } c ? c : "gpt-4o-mini";
var embeddingModel = Environment.GetEnvironmentVariable("OPENAI_EMBEDDING_MODEL") is { Length: > 0 } e ? e : "text-embedding-3-small";
var dbPath = Environment.GetEnvironmentVariable("AGENTMEMORY_DB") is { Length: > 0 } d ? d : "chat-memory.db";
var online = !string.IsNullOrWhiteSpace(apiKey) || !string.IsNullOrWhiteSpace(baseUrl);

var services = new ServiceCollection();
var builder = services
    .AddAgentMemory(o =>
    {
        o.Formation.Mode = FormationMode.Inline; // store before the next prompt; a server app keeps the background default
    })
    .UseSqlite($"Data Source={dbPath}");

if (online)
{
    builder.UseOpenAI(o =>
    {
        o.ApiKey = apiKey;
        o.Endpoint = string.IsNullOrWhiteSpace(baseUrl) ? null : new Uri(baseUrl);
        o.ChatModel = chatModel;
        o.EmbeddingModel = embeddingModel;
    });
    Console.WriteLine($"Using {(baseUrl is { Length: > 0 } ? baseUrl : "OpenAI")} — chat model {chatModel}, embeddings {embeddingModel}. Memory file: {dbPath}");
}
else
{
    builder.UseLocalEmbeddings(); // the recommended offline setup: core + SQLite + the in-process embedding model
    Console.WriteLine("No OPENAI_API_KEY or OPENAI_BASE_URL set: running offline (rule-based extraction, local embeddings, canned replies).");
    Console.WriteLine($"Set them (e.g. OPENAI_BASE_URL=http://localhost:11434/v1 for Ollama) to chat with a model. Memory file: {dbPath}");
}

await using var provider = services.BuildServiceProvider();
var memory = provider.GetRequiredService<IAgentMemory>();
var chat = online ? provider.GetRequiredKeyedService<IChatClient>(AgentMemoryBuilder.ServiceKey) : null;
var scope = MemoryScope.ForUser("demo", Environment.UserName is { Length: > 0 } userName ? userName : "me");
var history = new List<ChatMessage>();
Console.WriteLine("Say something (/memories, /usage, /forget, /quit).");

while (true)
{
    Console.Write("> ");
    var line = await Console.In.ReadLineAsync();
    if (line is null || line.Trim() == "/quit")
    {
        break; // stdin closed or the user is done: never wait for more input
    }

    line = line.Trim();
    if (line.Length == 0)
    {
        continue;
    }

    try
    {
        switch (line)
        {
            case "/memories":
                await foreach (var record in memory.ListAsync(scope))
                {
                    Console.WriteLine($"  [{record.Kind}{(record.Topic is null ? "" : ", " + record.Topic)}] {record.Text}");
                }

                continue;
            case "/usage":
                var usage = provider.GetService<IModelUsageTracker>();
                Console.WriteLine(usage is null ? "  (offline: no model calls)" : $"  {usage.GetUsage(scope)} — all calls: {usage.GetTotal()}");
                continue;
            case "/forget":
                var receipt = await memory.ForgetAsync(scope);
                Console.WriteLine($"  Forgotten: {receipt}");
                history.Clear();
                continue;
        }

        var context = await memory.BuildContextAsync(new RecallRequest { Scope = scope, Query = line, RecentMessages = history });
        var user = new ChatMessage(ChatRole.User, line);
        string reply;
        if (chat is not null)
        {
            var prompt = new List<ChatMessage> { new(ChatRole.System, "You are a helpful assistant.\n" + context.Text) };
            prompt.AddRange(history.TakeLast(10));
            prompt.Add(user);
            reply = (await chat.GetResponseAsync(prompt)).Text;
        }
        else
        {
            reply = context.Hits.Count == 0
                ? "(offline) Noted."
                : "(offline) Here is what I remember that seems relevant:\n" + string.Join("\n", context.Hits.Select(h => "  - " + h.Record.Text));
        }

        Console.WriteLine(reply);
        var assistant = new ChatMessage(ChatRole.Assistant, reply);
        history.Add(user);
        history.Add(assistant);
        // A model's reply is part of the conversation; the offline canned reply only echoes memories, so it is not remembered.
        await memory.RememberAsync(scope, chat is null ? [user] : [user, assistant]);
    }
    catch (AgentMemoryException ex)
    {
        Console.WriteLine($"  (memory unavailable: {ex.Message})");
    }
}
