using System.ComponentModel;
using AgentMemory.Models;

namespace AgentMemory.Reconciliation;

/// <summary>The reconciler's structured output.</summary>
internal sealed class ReconciliationOutput
{
    [Description("add, update, supersede, delete or none.")]
    public string? Action { get; set; }

    [Description("For update, supersede and delete: the number of the existing memory. Null for add and none.")]
    public int? MemoryId { get; set; }

    [Description("For add, update and supersede: the text to store (for update, the merged text).")]
    public string? Text { get; set; }

    [Description("A short reason, without quoting the user.")]
    public string? Reason { get; set; }
}
