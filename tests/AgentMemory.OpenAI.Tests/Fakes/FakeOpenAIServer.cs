using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AgentMemory.OpenAI.Tests.Fakes;

/// <summary>
/// A scripted OpenAI-compatible server on 127.0.0.1 (chat completions and embeddings). Each request takes the next
/// scripted reply of its route; with none left it answers 500 "unscripted".
/// </summary>
public sealed class FakeOpenAIServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Func<HttpContext, Task>> _chat = new();
    private readonly ConcurrentQueue<Func<HttpContext, Task>> _embeddings = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    private FakeOpenAIServer(WebApplication app) => _app = app;

    public Uri BaseUri { get; private set; } = null!;

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    public IReadOnlyList<RecordedRequest> ChatRequests => Requests.Where(r => r.Path.EndsWith("/chat/completions", StringComparison.Ordinal)).ToList();

    public IReadOnlyList<RecordedRequest> EmbeddingRequests => Requests.Where(r => r.Path.EndsWith("/embeddings", StringComparison.Ordinal)).ToList();

    public static async Task<FakeOpenAIServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new FakeOpenAIServer(app);
        app.MapPost("/v1/chat/completions", ctx => server.HandleAsync(ctx, server._chat));
        app.MapPost("/v1/embeddings", ctx => server.HandleAsync(ctx, server._embeddings));
        await app.StartAsync();
        server.BaseUri = new Uri(app.Urls.First() + "/v1");
        return server;
    }

    /// <summary>Replies with an assistant message whose content is <paramref name="content"/>.</summary>
    public FakeOpenAIServer ReplyChat(string content, int promptTokens = 100, int completionTokens = 20, string finishReason = "stop")
    {
        _chat.Enqueue(ctx => WriteJsonAsync(ctx, ChatBody(content, promptTokens, completionTokens, finishReason)));
        return this;
    }

    /// <summary>Replies with the JSON of <paramref name="value"/> as the assistant message content.</summary>
    public FakeOpenAIServer ReplyChatJson(object value, int promptTokens = 100, int completionTokens = 20)
        => ReplyChat(JsonSerializer.Serialize(value), promptTokens, completionTokens);

    /// <summary>Waits, then replies (a slow model).</summary>
    public FakeOpenAIServer ReplyChatAfter(TimeSpan delay, string content)
    {
        _chat.Enqueue(async ctx =>
        {
            try
            {
                await Task.Delay(delay, ctx.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            await WriteJsonAsync(ctx, ChatBody(content, 10, 10, "stop"));
        });
        return this;
    }

    /// <summary>Replies with an error status and optional headers.</summary>
    public FakeOpenAIServer ReplyChatStatus(int status, params (string Name, string Value)[] headers)
    {
        _chat.Enqueue(ctx => WriteErrorAsync(ctx, status, headers));
        return this;
    }

    public FakeOpenAIServer ReplyEmbeddingStatus(int status, params (string Name, string Value)[] headers)
    {
        _embeddings.Enqueue(ctx => WriteErrorAsync(ctx, status, headers));
        return this;
    }

    /// <summary>Replies to an embeddings request with these vectors, as float arrays or base64 little-endian float32.</summary>
    public FakeOpenAIServer ReplyEmbeddings(float[][] vectors, bool base64, int promptTokens = 7)
    {
        _embeddings.Enqueue(ctx =>
        {
            var data = new JsonArray();
            for (var i = 0; i < vectors.Length; i++)
            {
                JsonNode embedding = base64
                    ? JsonValue.Create(Convert.ToBase64String(System.Runtime.InteropServices.MemoryMarshal.AsBytes(vectors[i].AsSpan()).ToArray()))!
                    : new JsonArray(vectors[i].Select(v => (JsonNode)JsonValue.Create(v)!).ToArray());
                data.Add(new JsonObject { ["object"] = "embedding", ["index"] = i, ["embedding"] = embedding });
            }

            var body = new JsonObject
            {
                ["object"] = "list",
                ["model"] = "text-embedding-3-small",
                ["data"] = data,
                ["usage"] = new JsonObject { ["prompt_tokens"] = promptTokens, ["total_tokens"] = promptTokens },
            };
            return WriteJsonAsync(ctx, body.ToJsonString());
        });
        return this;
    }

    /// <summary>When no embeddings reply is scripted, answer with bag-of-words vectors of this dimension (similar texts, similar vectors).</summary>
    public int? DefaultEmbeddingDimensions { get; set; }

    /// <summary>A deterministic bag-of-words vector: each lowercased word adds 1 to a hashed bucket, plus a small bias.</summary>
    public static float[] BagOfWords(string text, int dimensions)
    {
        var vector = new float[dimensions];
        vector[0] = 0.05f;
        foreach (var word in text.ToLowerInvariant().Split([' ', ',', '.', '!', '?', ';', ':', '\'', '"'], StringSplitOptions.RemoveEmptyEntries))
        {
            uint hash = 2166136261;
            foreach (var c in word)
            {
                hash = (hash ^ c) * 16777619;
            }

            vector[1 + (int)(hash % (uint)(dimensions - 1))] += 1f;
        }

        return vector;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext ctx, ConcurrentQueue<Func<HttpContext, Task>> script)
    {
        using var reader = new StreamReader(ctx.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        _requests.Enqueue(new RecordedRequest(ctx.Request.Path, body, ctx.Request.Headers.Authorization.ToString(), DateTimeOffset.UtcNow));
        if (script.TryDequeue(out var reply))
        {
            await reply(ctx);
        }
        else if (script == _embeddings && DefaultEmbeddingDimensions is { } dims)
        {
            var inputs = JsonDocument.Parse(body).RootElement.GetProperty("input");
            var texts = inputs.ValueKind == JsonValueKind.Array ? inputs.EnumerateArray().Select(e => e.GetString() ?? string.Empty).ToArray() : [inputs.GetString() ?? string.Empty];
            ReplyEmbeddings(texts.Select(t => BagOfWords(t, dims)).ToArray(), base64: true);
            _embeddings.TryDequeue(out var generated);
            await generated!(ctx);
        }
        else
        {
            await WriteErrorAsync(ctx, 500, [("x-fake", "unscripted")]);
        }
    }

    private static string ChatBody(string content, int promptTokens, int completionTokens, string finishReason) => new JsonObject
    {
        ["id"] = "chatcmpl-" + Guid.NewGuid().ToString("N"),
        ["object"] = "chat.completion",
        ["created"] = 1_700_000_000,
        ["model"] = "gpt-4o-mini",
        ["choices"] = new JsonArray(new JsonObject
        {
            ["index"] = 0,
            ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content },
            ["finish_reason"] = finishReason,
        }),
        ["usage"] = new JsonObject
        {
            ["prompt_tokens"] = promptTokens,
            ["completion_tokens"] = completionTokens,
            ["total_tokens"] = promptTokens + completionTokens,
        },
    }.ToJsonString();

    private static Task WriteJsonAsync(HttpContext ctx, string json)
    {
        ctx.Response.StatusCode = 200;
        ctx.Response.ContentType = "application/json";
        return ctx.Response.WriteAsync(json);
    }

    private static Task WriteErrorAsync(HttpContext ctx, int status, (string Name, string Value)[] headers)
    {
        ctx.Response.StatusCode = status;
        foreach (var (name, value) in headers)
        {
            ctx.Response.Headers[name] = value;
        }

        ctx.Response.ContentType = "application/json";
        return ctx.Response.WriteAsync($"{{\"error\":{{\"message\":\"fake {status}\",\"type\":\"server_error\"}}}}");
    }
}
