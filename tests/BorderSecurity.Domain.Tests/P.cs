namespace BorderSecurity.Domain.Tests; public class P { [Fact] public void T() => 1.Should().Be(1); }
