namespace BorderSecurity.Domain.Tests.Support;

/// <summary>Given past events, when a request, then these events, or this rule broken.</summary>
internal sealed class Spec
{
    private readonly IBorderSecurityEvent[] _given;
    private IBorderSecurityRequest? _when;

    private Spec(IBorderSecurityEvent[] given) => _given = given;

    public static Spec Given(params IBorderSecurityEvent[] given) => new(given);

    public Spec When(IBorderSecurityRequest request)
    {
        _when = request;
        return this;
    }

    public void Then(params IBorderSecurityEvent[] expected) =>
        BorderSecurityDecider.Decide(_given, _when!).Should().BeEquivalentTo(expected, o => o.WithStrictOrdering().RespectingRuntimeTypes());

    public void ThenBreaks(string rule)
    {
        var act = () => BorderSecurityDecider.Decide(_given, _when!);
        act.Should().Throw<DomainRuleViolationException>().Which.Rule.Should().Be(rule);
    }

    public void ThenRejectsArgument(string field)
    {
        var act = () => BorderSecurityDecider.Decide(_given, _when!);
        act.Should().Throw<ArgumentException>().Which.ParamName.Should().Be(field);
    }
}
