namespace OpenData.Web.Data.Entities;

/// <summary>
/// One counted access (开放指数): a page view, download, API call or search. Written in batches by the access
/// writer and rolled up into the daily tables; charts never read these rows. No user id and no full address is kept:
/// only the signed-in user's 行业/职业, the address truncated to its network (IPv4 /24, IPv6 /48) and the region.
/// </summary>
public class AccessEvent
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    /// <summary>Local (China) date as yyyymmdd: the day it counts for.</summary>
    public int Day { get; set; }
    /// <summary>view, download, call or search.</summary>
    public string Action { get; set; } = "";
    /// <summary>page, download or api.</summary>
    public string Channel { get; set; } = "";
    /// <summary>dataset, api, app or search.</summary>
    public string ItemKind { get; set; } = "";
    /// <summary>Dataset id, API code, app id, or the normalized search words.</summary>
    public string ItemKey { get; set; } = "";
    /// <summary>The department owning the item; 0 when none (searches, apps).</summary>
    public int DepartmentId { get; set; }
    /// <summary>Referring host; empty for direct access or the platform itself.</summary>
    public string Referrer { get; set; } = "";
    public string Industry { get; set; } = "";
    public string Occupation { get; set; } = "";
    public string Region { get; set; } = "";
    public string Network { get; set; } = "";
}

/// <summary>访问来源 per day: every source dimension at once, so one GROUP BY rolls a chunk of events up.</summary>
public class AccessDaily
{
    public int Day { get; set; }
    public string Action { get; set; } = "";
    public string Channel { get; set; } = "";
    public int DepartmentId { get; set; }
    public string Referrer { get; set; } = "";
    public string Industry { get; set; } = "";
    public string Occupation { get; set; } = "";
    public string Region { get; set; } = "";
    public long Count { get; set; }
}

/// <summary>Per item and day: the rankings (downloads, API calls, apps) and the search words.</summary>
public class ItemDaily
{
    public int Day { get; set; }
    public string Action { get; set; } = "";
    public string ItemKind { get; set; } = "";
    public string ItemKey { get; set; } = "";
    public int DepartmentId { get; set; }
    public long Count { get; set; }
}

/// <summary>The rollup's watermark: events up to this id are in the daily tables.</summary>
public class AccessRollupState
{
    public int Id { get; set; }
    public long LastEventId { get; set; }
    public DateTimeOffset? RolledAt { get; set; }
}
