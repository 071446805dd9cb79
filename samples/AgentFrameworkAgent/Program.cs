// Memory for a Microsoft Agent Framework agent: one AIContextProvider.
// Runs offline: DemoChatClient stands in for a real model and shows the instructions it was given.
// Offline recall is lexical (the core's hashing embedder): a question finds a memory through shared words ("marathon"),
// and a standing instruction surfaces for any question. Add a semantic embedding model (AgentMemory.Onnx, or
// UseOpenAI) and a paraphrase ("my long run") finds it too.
using AgentMemory;
using AgentMemory.AgentFramework;
using AgentMemory.Samples;
using Microsoft.Agents.AI;
using Microsoft.Extensions.DependencyInjection;

var services = new ServiceCollection();
services.AddAgentMemory(o => o.Formation.Mode = FormationMode.Inline).UseInMemoryStore();
await using var provider = services.BuildServiceProvider();
var memory = provider.GetRequiredService<IAgentMemory>();

var alice = MemoryScope.ForUser("acme", "alice");
var agent = new ChatClientAgent(new DemoChatClient(), new ChatClientAgentOptions
{
    Name = "assistant",
    AIContextProviders = [new AgentMemoryContextProvider(memory, alice)],
});

var monday = await agent.CreateSessionAsync();
Console.WriteLine("> From now on, answer in bullet points. I'm training for the Lisbon marathon.");
Console.WriteLine(await agent.RunAsync("From now on, answer in bullet points. I'm training for the Lisbon marathon.", monday));
Console.WriteLine();

var friday = await agent.CreateSessionAsync();              // a new session: memories carry over, chat history does not
Console.WriteLine("> How should I plan my marathon training this weekend?");
Console.WriteLine(await agent.RunAsync("How should I plan my marathon training this weekend?", friday));
