using AgentMemory.Extraction;
using AgentMemory.Models;
using AgentMemory.OpenAI.Tests.Fakes;
using AgentMemory.Reconciliation;
using AgentMemory.Retrieval;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NSubstitute;

namespace AgentMemory.OpenAI.Tests.DependencyInjection;

public sealed class OpenAIAgentMemoryBuilderExtensionsTests : FakeServerTestBase
{
    [Fact]
    public async Task UseOpenAI_ApiKeyOverload_RegistersLlmComponentsOverTheEndpoint()
    {
        var services = new ServiceCollection();
        services.AddAgentMemory().UseOpenAI("key-123", chatModel: "my-chat", embeddingModel: "my-embed", endpoint: Server.BaseUri, dimensions: 3);
        await using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<IExtractor>().Should().BeOfType<LlmExtractor>();
        provider.GetRequiredService<IMemoryReconciler>().Should().BeOfType<LlmReconciler>();
        provider.GetServices<IQueryExpander>().Should().ContainSingle().Which.Should().BeOfType<LlmQueryExpander>();
        provider.GetRequiredService<IModelUsageTracker>().Should().NotBeNull();

        Server.ReplyChatJson(new { memories = Array.Empty<object>() });
        await provider.GetRequiredService<IExtractor>().ExtractAsync(new ExtractionRequest { Scope = Scope, Messages = [new ChatMessage(ChatRole.User, "hi")], ConversationTime = Now });
        Server.ReplyEmbeddings([[1f, 2f, 3f]], base64: false);
        await provider.GetRequiredKeyedService<IEmbeddingGenerator<string, Embedding<float>>>(AgentMemoryServiceKeys.EmbeddingGenerator).GenerateAsync(["hi"]);

        Server.ChatRequests.Single().Json.GetProperty("model").GetString().Should().Be("my-chat");
        Server.ChatRequests.Single().Authorization.Should().Be("Bearer key-123");
        Server.EmbeddingRequests.Single().Json.GetProperty("model").GetString().Should().Be("my-embed");
    }

    [Fact]
    public void UseOpenAI_FromConfiguration_BindsOpenAIAndExtractionOptions()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AgentMemory:OpenAI:Endpoint"] = "http://127.0.0.1:11434/v1",
            ["AgentMemory:OpenAI:ChatModel"] = "llama3.2",
            ["AgentMemory:OpenAI:EmbeddingModel"] = "nomic-embed-text",
            ["AgentMemory:OpenAI:Dimensions"] = "768",
            ["AgentMemory:OpenAI:NetworkTimeout"] = "00:00:07",
            ["AgentMemory:OpenAI:Extraction:ExtractionInstructions"] = "Remember birthdays.",
            ["AgentMemory:OpenAI:Extraction:MaxOutputAttempts"] = "4",
        }).Build();
        var services = new ServiceCollection();
        services.AddAgentMemory().UseOpenAI(configuration.GetSection("AgentMemory:OpenAI"), o => o.MaxExpandedQueries = 2);
        using var provider = services.BuildServiceProvider();

        var openAI = provider.GetRequiredService<IOptions<OpenAIMemoryOptions>>().Value;
        openAI.Endpoint.Should().Be(new Uri("http://127.0.0.1:11434/v1"));
        openAI.ApiKey.Should().BeNull();
        openAI.ChatModel.Should().Be("llama3.2");
        openAI.EmbeddingModel.Should().Be("nomic-embed-text");
        openAI.Dimensions.Should().Be(768);
        openAI.NetworkTimeout.Should().Be(TimeSpan.FromSeconds(7));
        var llm = provider.GetRequiredService<IOptions<LlmMemoryOptions>>().Value;
        llm.ExtractionInstructions.Should().Be("Remember birthdays.");
        llm.MaxOutputAttempts.Should().Be(4);
        llm.MaxExpandedQueries.Should().Be(2);
    }

    [Fact]
    public void UseOpenAI_NoKeyNoEndpoint_FailsValidationWithEveryProblem()
    {
        var services = new ServiceCollection();
        services.AddAgentMemory().UseOpenAI(o =>
        {
            o.ApiKey = null;
            o.ChatModel = "";
            o.MaxRetries = -1;
        });
        using var provider = services.BuildServiceProvider();

        var act = () => provider.GetRequiredService<IOptions<OpenAIMemoryOptions>>().Value;

        act.Should().Throw<OptionsValidationException>().Which.Failures.Should().HaveCount(3);
    }

    [Fact]
    public void UseLlmExtraction_AnyChatClient_UsesTheChatClientRegisteredForAgentMemory()
    {
        var chat = Substitute.For<IChatClient>();
        var services = new ServiceCollection();
        services.AddKeyedSingleton(AgentMemoryServiceKeys.ChatClient, chat);
        services.AddAgentMemory().UseLlmExtraction(o => o.MaxOutputAttempts = 2);
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<IExtractor>().Should().BeOfType<LlmExtractor>();
        provider.GetRequiredService<IOptions<LlmMemoryOptions>>().Value.MaxOutputAttempts.Should().Be(2);
    }

    [Fact]
    public void UseLlmExtraction_NoChatClient_ThrowsAClearError()
    {
        var services = new ServiceCollection();
        services.AddAgentMemory().UseLlmExtraction();
        using var provider = services.BuildServiceProvider();

        var act = () => provider.GetRequiredService<IExtractor>();

        act.Should().Throw<InvalidOperationException>().WithMessage("*UseOpenAI*UseChatClient*");
    }

    [Fact]
    public async Task UseOpenAI_HostHasItsOwnModels_BothSurviveAndAgentMemoryUsesItsKeyedOnes()
    {
        var hostEmbeddings = Substitute.For<IEmbeddingGenerator<string, Embedding<float>>>();
        var hostChat = Substitute.For<IChatClient>();
        var services = new ServiceCollection();
        services.AddSingleton(hostEmbeddings);
        services.AddSingleton(hostChat);
        services.AddAgentMemory(o => o.Formation.Mode = FormationMode.Inline).UseOpenAI("key-123", embeddingModel: "my-embed", endpoint: Server.BaseUri, dimensions: 3);
        await using var provider = services.BuildServiceProvider();

        Server.ReplyEmbeddings([[1f, 2f, 3f]], base64: false);
        await provider.GetRequiredService<IAgentMemory>().SaveAsync(Scope, new MemoryCandidate { Kind = MemoryKind.Semantic, Text = "Alice lives in Paris." });

        provider.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>().Should().BeSameAs(hostEmbeddings);
        provider.GetRequiredService<IChatClient>().Should().BeSameAs(hostChat);
        provider.GetRequiredKeyedService<IEmbeddingGenerator<string, Embedding<float>>>(AgentMemoryServiceKeys.EmbeddingGenerator).Should().NotBeSameAs(hostEmbeddings);
        provider.GetRequiredKeyedService<IChatClient>(AgentMemoryServiceKeys.ChatClient).Should().NotBeSameAs(hostChat);
        Server.EmbeddingRequests.Should().ContainSingle().Which.Json.GetProperty("model").GetString().Should().Be("my-embed");
        hostEmbeddings.ReceivedCalls().Should().BeEmpty();
    }
}
