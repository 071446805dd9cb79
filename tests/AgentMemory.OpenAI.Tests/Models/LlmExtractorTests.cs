using System.Text.Json;
using AgentMemory.Extraction;
using AgentMemory.Models;
using AgentMemory.OpenAI.Tests.Fakes;
using AgentMemory.Reconciliation;
using AgentMemory.Retrieval;
using Microsoft.Extensions.AI;
using NSubstitute;

namespace AgentMemory.OpenAI.Tests.Models;

public sealed class LlmExtractorTests : FakeServerTestBase
{
    private static ExtractionRequest Request(params ChatMessage[] messages) => new()
    {
        Scope = Scope,
        Messages = messages,
        ConversationTime = new DateTimeOffset(2026, 3, 13, 18, 30, 0, TimeSpan.Zero),
    };

    [Fact]
    public async Task ExtractAsync_TimeBoundFact_ReturnsCandidatesWithExpiryAndSendsSchemaAndDates()
    {
        Server.ReplyChatJson(new
        {
            memories = new object[]
            {
                new { kind = "semantic", text = "The user is travelling to Lisbon until 2026-03-20.", importance = 0.7, topic = "Travel", expiresAt = "2026-03-20", message = 1 },
                new { kind = "semantic", text = "The user is vegetarian.", importance = 1.7, topic = "diet", expiresAt = (string?)null, message = 1 },
            },
        });

        var result = await Extractor().ExtractAsync(Request(new ChatMessage(ChatRole.User, "I'm vegetarian, and I'm in Lisbon this week."), new ChatMessage(ChatRole.Assistant, "Enjoy!")));

        result.Should().HaveCount(2);
        var travel = result.Single(c => c.Topic == "travel");
        travel.Kind.Should().Be(MemoryKind.Semantic);
        travel.ExpiresAt.Should().Be(new DateTimeOffset(2026, 3, 21, 0, 0, 0, TimeSpan.Zero), "a date-only expiry lasts through that day");
        travel.Provenance.Source.Should().Be(MemorySource.User);
        result.Single(c => c.Topic == "diet").Importance.Should().Be(1.0, "importance is clamped to [0, 1]");
        result.Single(c => c.Topic == "diet").ExpiresAt.Should().BeNull();

        var request = Server.ChatRequests.Should().ContainSingle().Subject;
        request.Json.GetProperty("model").GetString().Should().Be("gpt-4o-mini");
        var format = request.Json.GetProperty("response_format");
        format.GetProperty("type").GetString().Should().Be("json_schema");
        format.GetProperty("json_schema").GetProperty("name").GetString().Should().Be("memory_extraction");
        var schemaProperties = format.GetProperty("json_schema").GetProperty("schema").GetProperty("properties");
        schemaProperties.GetProperty("memories").GetProperty("items").GetProperty("properties").TryGetProperty("expiresAt", out _).Should().BeTrue();
        request.SystemPrompt.Should().Contain("Current date: 2026-03-14").And.Contain("took place at: 2026-03-13");
        request.Prompt.Should().Contain("#1 [user] I'm vegetarian, and I'm in Lisbon this week.").And.Contain("#2 [assistant] Enjoy!");
        request.Authorization.Should().Be("Bearer test-key");
    }

    [Fact]
    public async Task ExtractAsync_EntitiesInTheSchema_BecomeEntityMetadata()
    {
        Server.ReplyChatJson(new
        {
            memories = new object[]
            {
                new
                {
                    kind = "semantic", text = "The user's manager is Aisha Khan at Deloitte.", importance = 0.7, topic = "work", message = 1,
                    entities = new object[] { new { name = "Aisha Khan", type = "Person" }, new { name = "Deloitte", type = "organization" }, new { name = "HQ", type = "building" } },
                },
            },
        });

        var result = await Extractor().ExtractAsync(Request(new ChatMessage(ChatRole.User, "My new manager is Aisha Khan, at Deloitte.")));

        var memory = result.Should().ContainSingle().Subject;
        memory.Metadata.Should().Contain("entity:aisha khan", "person").And.Contain("entity:deloitte", "organization").And.Contain("entity:hq", "other");
        var schema = Server.ChatRequests.Single().Json.GetProperty("response_format").GetProperty("json_schema").GetProperty("schema");
        schema.GetProperty("properties").GetProperty("memories").GetProperty("items").GetProperty("properties").TryGetProperty("entities", out _).Should().BeTrue();
    }

    [Fact]
    public async Task ExtractAsync_FormattingFeedback_ReturnsProceduralMemoryWithTaskTypeTopic()
    {
        Server.ReplyChatJson(new
        {
            memories = new object[]
            {
                new { kind = "procedural", text = "Do not use tables in answers; the user reads on a phone.", importance = 0.8, topic = "formatting", message = 1 },
            },
        });

        var result = await Extractor().ExtractAsync(Request(new ChatMessage(ChatRole.User, "Don't use tables, I read this on my phone.")));

        var memory = result.Should().ContainSingle().Subject;
        memory.Kind.Should().Be(MemoryKind.Procedural);
        memory.Topic.Should().Be("formatting");
        memory.Text.Should().Contain("tables");
        Server.ChatRequests.Single().SystemPrompt.Should().Contain("procedural");
    }

    [Fact]
    public async Task ExtractAsync_HostInstructions_ReachThePrompt()
    {
        LlmOptions.ExtractionInstructions = "Always remember the user's shoe size.";
        Server.ReplyChatJson(new { memories = Array.Empty<object>() });

        var result = await Extractor().ExtractAsync(Request(new ChatMessage(ChatRole.User, "Hello there")));

        result.Should().BeEmpty();
        Server.ChatRequests.Single().SystemPrompt.Should().Contain("Always remember the user's shoe size.");
    }

    [Fact]
    public async Task ExtractAsync_AlreadyExpiredFact_IsDropped()
    {
        Server.ReplyChatJson(new { memories = new object[] { new { kind = "semantic", text = "The user was busy on 2026-03-01.", importance = 0.5, expiresAt = "2026-03-02T00:00:00Z" } } });

        var result = await Extractor().ExtractAsync(Request(new ChatMessage(ChatRole.User, "I was busy on March 1st.")));

        result.Should().BeEmpty();
    }

    [Fact]
    public async Task ExtractAsync_ToolMessage_CarriesToolProvenance()
    {
        Server.ReplyChatJson(new { memories = new object[] { new { kind = "semantic", text = "The user's flight is LH123.", importance = 0.6, message = 2 } } });

        var result = await Extractor().ExtractAsync(Request(
            new ChatMessage(ChatRole.User, "What's my flight?"),
            new ChatMessage(ChatRole.Tool, "Booking: LH123")));

        result.Single().Provenance.Source.Should().Be(MemorySource.Tool);
    }

    [Fact]
    public async Task ExtractAsync_NoMessagesWithText_MakesNoCall()
    {
        var result = await Extractor().ExtractAsync(Request(new ChatMessage(ChatRole.System, "You are helpful.")));

        result.Should().BeEmpty();
        Server.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task ExtractAsync_Usage_IsCountedPerScope()
    {
        // The meter's gen_ai.client.token.usage comes from the instrumented client DI wraps around the chat client
        // (pinned by AgentMemory.Tests' OpenTelemetryConventionsTests); the tracker counts per scope.
        Server.ReplyChatJson(new { memories = Array.Empty<object>() }, promptTokens: 321, completionTokens: 12);
        await Extractor().ExtractAsync(Request(new ChatMessage(ChatRole.User, "hi")));

        Usage.GetUsage(Scope).Should().Be(new ModelUsage(1, 321, 12));
        Usage.GetUsage(Scope, LlmExtractor.Operation).TotalTokens.Should().Be(333);
        Usage.GetUsage(MemoryScope.ForUser("acme", "bob")).Should().Be(default(ModelUsage));
        Usage.GetUsage(MemoryScope.TenantShared("acme")).InputTokens.Should().Be(321, "a tenant scope contains its users");
    }

    [Fact]
    public async Task ExtractAsync_Profile_SchemaCarriesProfileAndStoredValueReachesPrompt()
    {
        LlmOptions.AddProfile<UserProfile>(description: "Who the user is");
        var stored = new MemoryRecord
        {
            Id = Guid.NewGuid(),
            Scope = Scope,
            Kind = MemoryKind.Semantic,
            Text = "UserProfile profile: {\"name\":\"Alice\",\"city\":\"Paris\"}",
            Topic = "profile:UserProfile",
            Metadata = new Dictionary<string, string> { [LlmProfileSchema.MetadataKey] = "UserProfile" },
        };
        var store = NSubstitute.Substitute.For<IMemoryStore>();
        store.ListAsync(Scope, Arg.Any<MemoryListOptions?>(), Arg.Any<CancellationToken>()).Returns(ToAsync(stored));
        Server.ReplyChat("{\"memories\":[],\"profile_UserProfile\":{\"name\":null,\"city\":\"Lyon\",\"language\":\"French\"}}");

        var result = await Extractor(store: store).ExtractAsync(Request(new ChatMessage(ChatRole.User, "I moved to Lyon; I speak French.")));

        var profile = result.Should().ContainSingle().Subject;
        profile.Kind.Should().Be(MemoryKind.Semantic);
        profile.Topic.Should().Be("profile:UserProfile");
        profile.Metadata[LlmProfileSchema.MetadataKey].Should().Be("UserProfile");
        var record = stored with { Text = profile.Text };
        record.TryReadProfile(ProfileJson.Default.UserProfile, out var read).Should().BeTrue();
        read.Should().Be(new UserProfile("Alice", "Lyon", "French"), "missing fields keep their stored value");

        var request = Server.ChatRequests.Single();
        request.SystemPrompt.Should().Contain("\"city\":\"Paris\"");
        request.Json.GetProperty("response_format").GetProperty("json_schema").GetProperty("schema").GetProperty("properties")
            .TryGetProperty("profile_UserProfile", out _).Should().BeTrue();
    }

    private static async IAsyncEnumerable<MemoryRecord> ToAsync(params MemoryRecord[] records)
    {
        foreach (var r in records)
        {
            yield return r;
        }

        await Task.CompletedTask;
    }
}
