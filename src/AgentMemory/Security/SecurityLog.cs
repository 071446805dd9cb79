using Microsoft.Extensions.Logging;

namespace AgentMemory.Security;

/// <summary>Source-generated log messages of the guards. They carry machine reasons and counts, never memory text.</summary>
internal static partial class SecurityLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Memory candidate blocked: {Reason} (source {Source}, score {Score:0.00}).")]
    public static partial void CandidateBlocked(ILogger logger, string reason, MemorySource source, double score);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Debug, Message = "Memory candidate rewritten: {Reason} ({Count} spans).")]
    public static partial void CandidateRewritten(ILogger logger, string reason, int count);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Debug, Message = "User preference kept as a procedural memory of the user (score {Score:0.00}).")]
    public static partial void PreferenceKept(ILogger logger, double score);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Debug, Message = "Asking the model judge about an ambiguous candidate (local score {Score:0.00}).")]
    public static partial void JudgeAsked(ILogger logger, double score);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Warning, Message = "The model judge failed or answered malformed output ({ErrorType}); falling back to the local verdict.")]
    public static partial void JudgeFailed(ILogger logger, string errorType);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Debug, Message = "A procedural memory from {Source} kept as a semantic fact: only the user and trusted sources give standing instructions.")]
    public static partial void DirectiveDemoted(ILogger logger, MemorySource source);
}
