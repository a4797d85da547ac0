using Led.Abstractions.Observables;
using Led.Abstractions.Systems;
using PureHDF;

namespace Led.Core.Data;

/// <summary>
/// How a <see cref="SystemDescription"/> is stored as HDF5 root attributes: <c>observable</c> (<c>field</c>,
/// <c>point_set</c> or <c>coordinates</c>) and <c>dt</c>; a field adds <c>channels</c>, <c>grid</c>, <c>extent</c>,
/// <c>periodic</c>; a point set <c>points</c>, <c>dimensions</c> and, with a box, <c>bounds_min</c>/<c>bounds_max</c>; a
/// coordinate vector <c>coordinates</c>, <c>bounds_min</c>, <c>bounds_max</c> (NaN: fitted) and <c>periodic</c> (one 0/1
/// per coordinate). Files without <c>observable</c> hold fields.
/// </summary>
public static class ObservableAttributes
{
    public static void Write(IDictionary<string, object> attributes, SystemDescription d)
    {
        attributes["dt"] = d.CoarseTimeStep;
        switch (d.Observable)
        {
            case FieldObservable f:
                attributes["observable"] = "field";
                attributes["channels"] = f.Channels.ToArray();
                attributes["grid"] = f.Grid.ToArray();
                attributes["extent"] = f.Extent.ToArray();
                attributes["periodic"] = f.Periodic ? 1 : 0;
                break;
            case PointSetObservable p:
                attributes["observable"] = "point_set";
                attributes["points"] = p.Points;
                attributes["dimensions"] = p.Dimensions.ToArray();
                if (p.Bounds is { } bounds)
                {
                    attributes["bounds_min"] = bounds.Select(b => b.Min).ToArray();
                    attributes["bounds_max"] = bounds.Select(b => b.Max).ToArray();
                }
                break;
            case CoordinateObservable c:
                attributes["observable"] = "coordinates";
                attributes["coordinates"] = c.Coordinates.Select(x => x.Name).ToArray();
                attributes["bounds_min"] = c.Coordinates.Select(x => x.Min).ToArray();
                attributes["bounds_max"] = c.Coordinates.Select(x => x.Max).ToArray();
                attributes["periodic"] = c.Coordinates.Select(x => x.Periodic ? 1 : 0).ToArray();
                break;
            default:
                throw new ArgumentException($"observable {d.Observable.GetType().Name} cannot be stored");
        }
    }

    public static SystemDescription Read(IH5Object file)
    {
        string kind = file.AttributeExists("observable") ? file.Attribute("observable").Read<string>() : "field";
        double dt = file.Attribute("dt").Read<double>();
        Observable observable = kind switch
        {
            "field" => new FieldObservable(file.Attribute("channels").Read<string[]>(), file.Attribute("grid").Read<int[]>(),
                file.Attribute("extent").Read<double[]>(), file.Attribute("periodic").Read<int>() != 0),
            "point_set" => new PointSetObservable(file.Attribute("points").Read<int>(), file.Attribute("dimensions").Read<string[]>(),
                file.AttributeExists("bounds_min")
                    ? file.Attribute("bounds_min").Read<double[]>().Zip(file.Attribute("bounds_max").Read<double[]>()).ToArray()
                    : null),
            "coordinates" => new CoordinateObservable(Coordinates(file)),
            _ => throw new InvalidDataException($"unknown observable kind '{kind}' (expected field, point_set or coordinates)"),
        };
        return new SystemDescription(observable, dt);
    }

    private static Coordinate[] Coordinates(IH5Object file)
    {
        var names = file.Attribute("coordinates").Read<string[]>();
        var min = file.Attribute("bounds_min").Read<double[]>();
        var max = file.Attribute("bounds_max").Read<double[]>();
        var periodic = file.Attribute("periodic").Read<int[]>();
        return names.Select((n, i) => new Coordinate(n, min[i], max[i], periodic[i] != 0)).ToArray();
    }
}
