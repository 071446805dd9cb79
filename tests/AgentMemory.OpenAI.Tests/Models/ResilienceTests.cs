using System.ClientModel;
using AgentMemory.OpenAI.Tests.Fakes;
using Microsoft.Extensions.AI;

namespace AgentMemory.OpenAI.Tests.Models;

public sealed class ResilienceTests : FakeServerTestBase
{
    private const string Empty = "{\"memories\":[]}";

    private static ExtractionRequest Request() => new()
    {
        Scope = Scope,
        Messages = [new ChatMessage(ChatRole.User, "I'm allergic to peanuts.")],
        ConversationTime = Now,
    };

    [Fact]
    public async Task ExtractAsync_MalformedJsonThenValid_RetriesWithTheProblemAndSucceeds()
    {
        Server.ReplyChat("Sure! Here are the memories: peanuts");
        Server.ReplyChat("```json\n{\"memories\":[{\"kind\":\"semantic\",\"text\":\"The user is allergic to peanuts.\",\"importance\":0.95}]}\n```");

        var result = await Extractor().ExtractAsync(Request());

        result.Should().ContainSingle().Which.Text.Should().Be("The user is allergic to peanuts.");
        Server.ChatRequests.Should().HaveCount(2);
        Server.ChatRequests[1].Prompt.Should().Contain("Sure! Here are the memories").And.Contain("That answer was rejected");
        Usage.GetUsage(Scope).Calls.Should().Be(2, "the usage of the rejected answer counts too");
    }

    [Fact]
    public async Task ExtractAsync_TruncatedJsonEveryTime_ThrowsModelOutputExceptionAfterBoundedAttempts()
    {
        for (var i = 0; i < 3; i++)
        {
            Server.ReplyChat("{\"memories\":[{\"kind\":\"semantic\",\"text\":\"The user is aller", finishReason: "length");
        }

        var act = () => Extractor().ExtractAsync(Request());

        var error = (await act.Should().ThrowAsync<ModelOutputException>()).Which;
        error.Operation.Should().Be("extract");
        error.Message.Should().Contain("cut off");
        Server.ChatRequests.Should().HaveCount(3);
    }

    [Fact]
    public async Task ExtractAsync_PartialJsonWithoutLengthFlag_IsRetried()
    {
        Server.ReplyChat("{\"memories\":[{\"kind\":\"semantic\"");
        Server.ReplyChat("{\"memories\":[{\"kind\":\"feeling\",\"text\":\"x\"}]}");
        Server.ReplyChat(Empty);

        var result = await Extractor().ExtractAsync(Request());

        result.Should().BeEmpty();
        Server.ChatRequests.Should().HaveCount(3);
        Server.ChatRequests[2].Prompt.Should().Contain("'feeling' is not a memory kind");
    }

    [Fact]
    public async Task ExtractAsync_429WithRetryAfter_WaitsAsAskedThenSucceeds()
    {
        Server.ReplyChatStatus(429, ("Retry-After", "1"));
        Server.ReplyChat(Empty);

        var result = await Extractor().ExtractAsync(Request());

        result.Should().BeEmpty();
        var requests = Server.ChatRequests;
        requests.Should().HaveCount(2);
        (requests[1].ReceivedAt - requests[0].ReceivedAt).Should().BeGreaterThan(TimeSpan.FromMilliseconds(900), "Retry-After: 1 is honoured");
    }

    [Fact]
    public async Task ExtractAsync_RetryAfterMs_IsHonoured()
    {
        Server.ReplyChatStatus(429, ("retry-after-ms", "400"));
        Server.ReplyChat(Empty);

        await Extractor().ExtractAsync(Request());

        var requests = Server.ChatRequests;
        (requests[1].ReceivedAt - requests[0].ReceivedAt).Should().BeGreaterThan(TimeSpan.FromMilliseconds(350));
    }

    [Fact]
    public async Task ExtractAsync_500ThenSuccess_IsRetriedWithBackoff()
    {
        Server.ReplyChatStatus(500);
        Server.ReplyChatStatus(503);
        Server.ReplyChat(Empty);

        var result = await Extractor().ExtractAsync(Request());

        result.Should().BeEmpty();
        Server.ChatRequests.Should().HaveCount(3);
    }

    [Fact]
    public async Task ExtractAsync_500Persisting_ThrowsAgentMemoryExceptionWithTheClientError()
    {
        for (var i = 0; i < 3; i++)
        {
            Server.ReplyChatStatus(500);
        }

        var act = () => Extractor().ExtractAsync(Request());

        var error = (await act.Should().ThrowAsync<AgentMemoryException>()).Which;
        error.Should().NotBeOfType<ModelOutputException>();
        error.InnerException.Should().BeOfType<ClientResultException>().Which.Status.Should().Be(500);
        Server.ChatRequests.Should().HaveCount(3, "one attempt and MaxRetries = 2 retries");
    }

    [Fact]
    public async Task ExtractAsync_400_IsNotRetried()
    {
        Server.ReplyChatStatus(400);

        var act = () => Extractor().ExtractAsync(Request());

        await act.Should().ThrowAsync<AgentMemoryException>();
        Server.ChatRequests.Should().ContainSingle();
    }

    [Fact]
    public async Task ExtractAsync_SlowResponsePastTheTimeout_ThrowsTimeoutAfterRetries()
    {
        Server.ReplyChatAfter(TimeSpan.FromSeconds(10), Empty);
        Server.ReplyChatAfter(TimeSpan.FromSeconds(10), Empty);

        var act = () => Extractor(OpenAIOptions(maxRetries: 1, timeout: TimeSpan.FromMilliseconds(300))).ExtractAsync(Request());

        var error = (await act.Should().ThrowAsync<AgentMemoryException>()).Which;
        error.InnerException.Should().BeOfType<TimeoutException>();
        error.Message.Should().Contain("timed out");
        Server.ChatRequests.Should().HaveCount(2);
    }

    [Fact]
    public async Task ExtractAsync_CallerCancels_ThrowsOperationCanceledUnwrapped()
    {
        Server.ReplyChatAfter(TimeSpan.FromSeconds(10), Empty);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(150));

        var act = () => Extractor().ExtractAsync(Request(), cts.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
        Server.ChatRequests.Should().ContainSingle();
    }
}
