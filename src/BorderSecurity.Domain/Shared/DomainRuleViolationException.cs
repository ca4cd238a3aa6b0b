namespace BorderSecurity.Domain.Shared;

/// <summary>
/// A business rule of an aggregate was broken. The request that broke it emitted nothing and the store is
/// unchanged. <see cref="Aggregate"/> and <see cref="Rule"/> name what was broken, so callers can react to
/// a rule without parsing the message.
/// </summary>
public sealed class DomainRuleViolationException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="aggregate">The aggregate whose rule was broken, for example <c>FundingCommitment</c>.</param>
    /// <param name="rule">The rule's name, for example <c>AllocationsCannotExceedCommitment</c>.</param>
    /// <param name="detail">What was wrong, in a sentence.</param>
    public DomainRuleViolationException(string aggregate, string rule, string detail)
        : base($"{aggregate} rule {rule} was broken: {detail}")
    {
        Aggregate = aggregate;
        Rule = rule;
        Detail = detail;
    }

    /// <summary>The aggregate whose rule was broken.</summary>
    public string Aggregate { get; }

    /// <summary>The name of the rule that was broken.</summary>
    public string Rule { get; }

    /// <summary>What was wrong.</summary>
    public string Detail { get; }
}
