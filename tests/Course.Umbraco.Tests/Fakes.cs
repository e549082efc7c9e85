using System.Reflection;

namespace Course.Umbraco.Tests;

/// <summary>
/// A stand-in for an Umbraco interface that answers only the members a test names; any other call fails the test,
/// so a fake never answers something the test did not mean.
/// </summary>
public class Fake<T> : DispatchProxy where T : class
{
    private Dictionary<string, Func<object?[], object?>> members = [];

    public static T With(params (string Member, Func<object?[], object?> Answer)[] answers)
    {
        var proxy = Create<T, Fake<T>>();
        ((Fake<T>)(object)proxy).members = answers.ToDictionary(a => a.Member, a => a.Answer);
        return proxy;
    }

    protected override object? Invoke(MethodInfo? method, object?[]? args)
    {
        var name = method!.Name.StartsWith("get_") ? method.Name[4..] : method.Name;
        if (members.TryGetValue($"{name}/{args?.Length ?? 0}", out var exact)) return exact(args ?? []);
        if (members.TryGetValue(name, out var answer)) return answer(args ?? []);
        throw new NotSupportedException($"The test's fake {typeof(T).Name} does not answer {method.Name}.");
    }
}
