namespace UpdateBot.Sources.Parsing;

internal static class ElementExtensions
{
    public static TResult Let<T, TResult>(this T value, Func<T, TResult> map) => map(value);
}
