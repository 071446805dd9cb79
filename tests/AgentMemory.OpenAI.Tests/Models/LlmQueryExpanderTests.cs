using System.Diagnostics;
using AgentMemory.Extraction;
using AgentMemory.OpenAI.Tests.Fakes;
using AgentMemory.Reconciliation;
using AgentMemory.Retrieval;
using Microsoft.Extensions.AI;

namespace AgentMemory.OpenAI.Tests.Models;

public sealed class LlmQueryExpanderTests : FakeServerTestBase
{
    private static RecallRequest Request(string query = "Book it like we discussed") => new()
    {
        Scope = Scope,
        Query = query,
        RecentMessages =
        [
            new ChatMessage(ChatRole.User, "I need a hotel in Porto for the conference."),
            new ChatMessage(ChatRole.Assistant, "Near the venue, under 150 EUR?"),
        ],
    };

    [Fact]
    public async Task ExpandAsync_Reply_ReturnsDistinctQueriesWithoutThePlainQuery()
    {
        Server.ReplyChatJson(new { queries = new[] { "hotel in Porto for the conference", "Book it like we discussed", "hotel budget preference", "HOTEL IN PORTO FOR THE CONFERENCE", "", "a", "b" } });

        var queries = await Expander().ExpandAsync(Request());

        queries.Should().Equal("hotel in Porto for the conference", "hotel budget preference", "a");
        var request = Server.ChatRequests.Single();
        request.Prompt.Should().Contain("[user] I need a hotel in Porto for the conference.").And.Contain("Latest message: Book it like we discussed");
        request.Json.GetProperty("response_format").GetProperty("json_schema").GetProperty("name").GetString().Should().Be("memory_search_queries");
    }

    [Fact]
    public async Task ExpandAsync_SlowModel_GivesUpWithinTheBudgetAndReturnsNothing()
    {
        LlmOptions.QueryExpansionTimeout = TimeSpan.FromMilliseconds(300);
        Server.ReplyChatAfter(TimeSpan.FromSeconds(10), "{\"queries\":[\"late\"]}");
        var expander = new LlmQueryExpander(Clients().Chat, Microsoft.Extensions.Options.Options.Create(LlmOptions), Usage, TimeProvider.System);

        var watch = Stopwatch.StartNew();
        var queries = await expander.ExpandAsync(Request());

        queries.Should().BeEmpty();
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(3));
        Server.ChatRequests.Should().ContainSingle("a budget timeout is not retried");
    }

    [Fact]
    public async Task ExpandAsync_ServerError_ReturnsNothing()
    {
        for (var i = 0; i < 3; i++)
        {
            Server.ReplyChatStatus(500);
        }

        var queries = await Expander().ExpandAsync(Request());

        queries.Should().BeEmpty();
    }

    [Fact]
    public async Task ExpandAsync_MalformedOutput_ReturnsNothingWithoutRetrying()
    {
        Server.ReplyChat("{\"queries\": [\"hotel");

        var queries = await Expander().ExpandAsync(Request());

        queries.Should().BeEmpty();
        Server.ChatRequests.Should().ContainSingle();
    }

    [Fact]
    public async Task ExpandAsync_CallerCancels_Throws()
    {
        Server.ReplyChatAfter(TimeSpan.FromSeconds(10), "{\"queries\":[]}");
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        var expander = new LlmQueryExpander(Clients().Chat, Microsoft.Extensions.Options.Options.Create(LlmOptions), Usage, TimeProvider.System);

        var act = () => expander.ExpandAsync(Request(), cts.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public async Task ExpandAsync_Disabled_MakesNoCall()
    {
        LlmOptions.QueryExpansion = false;

        var queries = await Expander().ExpandAsync(Request());

        queries.Should().BeEmpty();
        Server.Requests.Should().BeEmpty();
    }
}
