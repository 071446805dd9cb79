namespace AgentMemory.Security;

/// <summary>A kind of personal data the PII guard recognises.</summary>
public enum PiiType
{
    /// <summary>An e-mail address.</summary>
    Email = 0,

    /// <summary>A telephone number (parsed with libphonenumber).</summary>
    Phone = 1,

    /// <summary>A payment card number (Luhn-valid).</summary>
    Card = 2,

    /// <summary>An international bank account number (mod-97 valid).</summary>
    Iban = 3,

    /// <summary>A US social security number.</summary>
    Ssn = 4,

    /// <summary>An IPv4 or IPv6 address.</summary>
    IpAddress = 5,

    /// <summary>A date of birth (a date near "born", "DOB", "birthday"…).</summary>
    DateOfBirth = 6,

    /// <summary>A street address.</summary>
    Address = 7,

    /// <summary>Special-category data (health, religion, sexual orientation…), flagged only by the optional model judge.</summary>
    SpecialCategory = 8,
}
