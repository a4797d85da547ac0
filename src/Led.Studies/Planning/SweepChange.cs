using System.Text.Json.Nodes;

namespace Led.Studies.Planning;

/// <summary>One axis set to one of its values in a run.</summary>
public sealed record SweepChange(SweepAxis Axis, int ValueIndex)
{
    public JsonNode? Value => Axis.Values[ValueIndex];

    public string Label => Axis.Labels[ValueIndex];

    public override string ToString() => $"{Axis.Name}={Label}";
}
