namespace AgentMemory;

/// <summary>
/// The in-context buffer of the current session: the messages sent to the model each turn, trimmed to a token budget.
/// System messages are always kept; the oldest other messages are dropped first; the newest message is always kept.
/// Not thread-safe (one per session).
/// </summary>
public sealed class WorkingMemory
{
    /// <summary>Tokens counted per message for its role and framing, on top of its text (OpenAI's chat format uses 3–4).</summary>
    public const int PerMessageOverhead = 4;

    private readonly ITokenCounter _tokenCounter;
    private readonly List<(ChatMessage Message, int Tokens)> _messages = [];

    /// <summary>Creates an empty buffer.</summary>
    /// <param name="tokenCounter">Counts tokens (use <c>TiktokenTokenCounter</c> from AgentMemory.Tokenizers for exact counts).</param>
    /// <param name="tokenBudget">The most tokens the buffer holds.</param>
    public WorkingMemory(ITokenCounter tokenCounter, int tokenBudget)
    {
        ArgumentNullException.ThrowIfNull(tokenCounter);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(tokenBudget);
        _tokenCounter = tokenCounter;
        TokenBudget = tokenBudget;
    }

    /// <summary>The most tokens the buffer holds.</summary>
    public int TokenBudget { get; }

    /// <summary>The tokens the buffer holds now.</summary>
    public int TokenCount { get; private set; }

    /// <summary>The messages, oldest first.</summary>
    public IReadOnlyList<ChatMessage> Messages => _messages.Select(m => m.Message).ToList();

    /// <summary>Adds a message and trims.</summary>
    /// <returns>The messages dropped to fit the budget (oldest first); hand them to <c>IAgentMemory.RememberAsync</c> if they are not remembered yet.</returns>
    public IReadOnlyList<ChatMessage> Add(ChatMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        Append(message);
        return Trim();
    }

    /// <summary>Adds messages in order and trims once.</summary>
    /// <returns>The messages dropped to fit the budget.</returns>
    public IReadOnlyList<ChatMessage> AddRange(IEnumerable<ChatMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        foreach (var message in messages)
        {
            ArgumentNullException.ThrowIfNull(message, nameof(messages));
            Append(message);
        }

        return Trim();
    }

    /// <summary>Counts the tokens of one message as this buffer does.</summary>
    public int CountTokens(ChatMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return PerMessageOverhead + _tokenCounter.CountTokens(message.Text ?? string.Empty)
            + (message.AuthorName is { } name ? _tokenCounter.CountTokens(name) : 0);
    }

    /// <summary>Empties the buffer.</summary>
    public void Clear()
    {
        _messages.Clear();
        TokenCount = 0;
    }

    private void Append(ChatMessage message)
    {
        var tokens = CountTokens(message);
        _messages.Add((message, tokens));
        TokenCount += tokens;
    }

    private List<ChatMessage> Trim()
    {
        var dropped = new List<ChatMessage>();
        var index = 0;
        while (TokenCount > TokenBudget && index < _messages.Count - 1)
        {
            var (message, tokens) = _messages[index];
            if (message.Role == ChatRole.System)
            {
                index++;
                continue;
            }

            _messages.RemoveAt(index);
            TokenCount -= tokens;
            dropped.Add(message);
        }

        return dropped;
    }
}
