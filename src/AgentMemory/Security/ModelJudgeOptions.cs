namespace AgentMemory.Security;

/// <summary>Options of the optional model judge (an <c>IChatClient</c> asked about candidates the local detector finds ambiguous).</summary>
public sealed class ModelJudgeOptions
{
    /// <summary>Whether the model judge runs (it also needs an <c>IChatClient</c> registered). Default <see langword="false"/>.</summary>
    public bool Enabled { get; set; }

    /// <summary>The model id sent with each request, if the client needs one.</summary>
    public string? ModelId { get; set; }

    /// <summary>Whether a failing or malformed judge answer blocks the ambiguous candidate (fail closed). Default <see langword="false"/>.</summary>
    public bool BlockWhenJudgeFails { get; set; }
}
