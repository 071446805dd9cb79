using System.ClientModel.Primitives;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace AgentMemory.OpenAI;

/// <summary>
/// The OpenAI client's retry policy: the SDK's own <see cref="ClientRetryPolicy"/> (which retries 408, 429, 500, 502,
/// 503, 504, network errors and attempt timeouts), with a delay that honours the server's <c>retry-after-ms</c> /
/// <c>Retry-After</c> headers and otherwise backs off exponentially from a configurable first delay, capped.
/// </summary>
internal sealed class OpenAIRetryPolicy : ClientRetryPolicy
{
    private readonly TimeSpan _firstDelay;
    private readonly TimeSpan _maxDelay;

    public OpenAIRetryPolicy(int maxRetries, TimeSpan firstDelay, TimeSpan maxDelay)
        : base(maxRetries)
    {
        _firstDelay = firstDelay;
        _maxDelay = maxDelay;
    }

    [SuppressMessage("Security", "CA5394:Do not use insecure randomness", Justification = "Retry jitter, not security.")]
    protected override TimeSpan GetNextDelay(PipelineMessage message, int tryCount)
    {
        if (ServerDelay(message.Response) is { } asked)
        {
            return asked > _maxDelay ? _maxDelay : asked;
        }

        var exponent = Math.Clamp(tryCount - 1, 0, 16);
        var delay = _firstDelay.TotalMilliseconds * (1 << exponent) * (0.8 + (0.4 * Random.Shared.NextDouble()));
        return TimeSpan.FromMilliseconds(Math.Min(delay, _maxDelay.TotalMilliseconds));
    }

    /// <summary>The delay a response asks for in <c>retry-after-ms</c>, <c>x-ms-retry-after-ms</c> or <c>Retry-After</c> (seconds or an HTTP date).</summary>
    internal static TimeSpan? ServerDelay(PipelineResponse? response)
    {
        if (response is null)
        {
            return null;
        }

        foreach (var name in (string[])["retry-after-ms", "x-ms-retry-after-ms"])
        {
            if (response.Headers.TryGetValue(name, out var ms) && double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out var millis) && millis >= 0)
            {
                return TimeSpan.FromMilliseconds(millis);
            }
        }

        if (response.Headers.TryGetValue("Retry-After", out var value) && value is not null)
        {
            if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
            {
                return TimeSpan.FromSeconds(seconds);
            }

            if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            {
                var wait = at - DateTimeOffset.UtcNow;
                return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
            }
        }

        return null;
    }
}
