using System.Text;

namespace AgentMemory.Context;

/// <summary>
/// The core's fallback <see cref="ITokenCounter"/>: a conservative estimate of one token per three UTF-8 bytes, which
/// over-counts English text (≈ 4 characters per token in o200k_base) so budgets are not exceeded. For exact counts add
/// the <c>AgentMemory.Tokenizers</c> package and call <c>UseTiktokenTokenCounter()</c>.
/// </summary>
internal sealed class EstimatingTokenCounter : ITokenCounter
{
    /// <inheritdoc />
    public int CountTokens(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length == 0 ? 0 : (Encoding.UTF8.GetByteCount(text) + 2) / 3;
    }
}
