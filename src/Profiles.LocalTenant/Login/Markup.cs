namespace Profiles.LocalTenant.Login;

/// <summary>HTML that is already safe to emit; only <see cref="Html"/> creates it from encoded parts.</summary>
public readonly record struct Markup(string Value)
{
    public static Markup Empty { get; } = new("");

    public override string ToString() => Value;
}
