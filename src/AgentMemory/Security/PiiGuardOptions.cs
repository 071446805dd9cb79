using System.ComponentModel.DataAnnotations;

namespace AgentMemory.Security;

/// <summary>Options of the PII guard: what to detect and what to do with each type, per tenant if needed.</summary>
public sealed class PiiGuardOptions
{
    /// <summary>Whether the PII guard runs. Default <see langword="true"/>.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The action for types not listed in <see cref="Actions"/>. Default <see cref="PiiAction.Redact"/>.</summary>
    public PiiAction DefaultAction { get; set; } = PiiAction.Redact;

    /// <summary>The action per type (overrides <see cref="DefaultAction"/>).</summary>
    public IDictionary<PiiType, PiiAction> Actions { get; set; } = new Dictionary<PiiType, PiiAction>();

    /// <summary>Per-tenant overrides of <see cref="Actions"/>, keyed by tenant id (ordinal).</summary>
    public IDictionary<string, IDictionary<PiiType, PiiAction>> TenantActions { get; set; } =
        new Dictionary<string, IDictionary<PiiType, PiiAction>>(StringComparer.Ordinal);

    /// <summary>The secret salt of <see cref="PiiAction.Hash"/> (HMAC-SHA256 key). Required when any action is Hash.</summary>
    public string? HashSalt { get; set; }

    /// <summary>How many hex characters of the HMAC a hashed value keeps. Default 12.</summary>
    [Range(8, 64)]
    public int HashLength { get; set; } = 12;

    /// <summary>Regions (ISO 3166 alpha-2) whose national phone formats are recognised (numbers written with a country code are recognised whatever the region). Default US, GB, DE, FR, ES, IT, PT.</summary>
    public IList<string> PhoneRegions { get; set; } = ["US", "GB", "DE", "FR", "ES", "IT", "PT"];

    /// <summary>Whether the optional model judge flags special-category data (health, religion…). Default <see langword="false"/>.</summary>
    public bool FlagSpecialCategories { get; set; }

    /// <summary>The action for one type in one tenant.</summary>
    public PiiAction ActionFor(PiiType type, string? tenantId)
    {
        if (tenantId is not null && TenantActions.TryGetValue(tenantId, out var perTenant) && perTenant.TryGetValue(type, out var t))
        {
            return t;
        }

        if (Actions.TryGetValue(type, out var a))
        {
            return a;
        }

        return type == PiiType.SpecialCategory ? PiiAction.Block : DefaultAction;
    }
}
