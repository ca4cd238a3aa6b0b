using System.Runtime.CompilerServices;
using BorderSecurity.Domain.Changes;

namespace BorderSecurity.Domain.Tests.Changes;

public sealed class ChangeClassificationTests
{
    public static TheoryData<string> EventTypes()
    {
        var data = new TheoryData<string>();
        foreach (var type in typeof(IBorderSecurityEvent).Assembly.GetTypes()
                     .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IBorderSecurityEvent).IsAssignableFrom(t)).OrderBy(t => t.FullName))
        {
            data.Add(type.FullName!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EventTypes))]
    public void EveryEventTypeHasOneKindOfChange(string typeName)
    {
        var type = typeof(IBorderSecurityEvent).Assembly.GetType(typeName)!;
        var instance = (IBorderSecurityEvent)RuntimeHelpers.GetUninitializedObject(type);
        FluentActions.Invoking(() => ChangeClassification.Of(instance)).Should().NotThrow($"{type.Name} must have a change kind in its registration");
    }
}
