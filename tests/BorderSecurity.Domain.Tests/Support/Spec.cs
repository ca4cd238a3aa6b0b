namespace BorderSecurity.Domain.Tests.Support;

/// <summary>Given past events, when a request, then these events, or this rule broken.</summary>
internal sealed class Spec
{
    private readonly IBorderSecurityEvent[] _given;
    private IBorderSecurityRequest? _when;
    private IBorderSecurityEvent[] _referenced = [];

    private Spec(IBorderSecurityEvent[] given) => _given = given;

    public static Spec Given(params IBorderSecurityEvent[] given) => new(given);

    /// <summary>The history of the stream the request refers to (the Act money is redirected from, or that confers powers).</summary>
    public Spec Referencing(params IBorderSecurityEvent[] referenced)
    {
        _referenced = referenced;
        return this;
    }

    public Spec When(IBorderSecurityRequest request)
    {
        _when = request;
        return this;
    }

    public void Then(params IBorderSecurityEvent[] expected) =>
        BorderSecurityDecider.Decide(_given, _when!, _referenced).Should().BeEquivalentTo(expected, o => o.WithStrictOrdering().RespectingRuntimeTypes());

    public void ThenBreaks(string rule)
    {
        var act = () => BorderSecurityDecider.Decide(_given, _when!, _referenced);
        act.Should().Throw<DomainRuleViolationException>().Which.Rule.Should().Be(rule);
    }

    public void ThenRejectsArgument(string field)
    {
        var act = () => BorderSecurityDecider.Decide(_given, _when!, _referenced);
        act.Should().Throw<ArgumentException>().Which.ParamName.Should().Be(field);
    }
}
