// Memory for any Microsoft.Extensions.AI chat client, in one line: .UseAgentMemory().
// Runs offline: DemoChatClient stands in for a real model and shows what memory it was given.
using AgentMemory;
using AgentMemory.Extensions.AI;
using AgentMemory.Samples;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

var services = new ServiceCollection();
services.AddAgentMemory(o => o.Formation.Mode = FormationMode.Inline).UseInMemoryStore();
services.AddChatClient(new DemoChatClient())
        .UseAgentMemory();                                   // recall + inject before, remember after
await using var provider = services.BuildServiceProvider();
var chat = provider.GetRequiredService<IChatClient>();

var alice = MemoryScope.ForUser("acme", "alice");
var options = new ChatOptions().WithMemoryScope(alice);       // whose memories this call recalls and forms

Console.WriteLine("> I'm vegetarian and my sister lives in Lyon.");
Console.WriteLine((await chat.GetResponseAsync("I'm vegetarian and my sister lives in Lyon.", options)).Text);
Console.WriteLine();
Console.WriteLine("> Any dinner ideas for when I visit my sister?");
Console.WriteLine((await chat.GetResponseAsync("Any dinner ideas for when I visit my sister?", options)).Text);
