namespace UpdateBot.Sources.Html;

/// <summary>The table, caption, column group, row, cell and select rules ("in table" and the modes it leads to).</summary>
internal sealed partial class HtmlTreeBuilder
{
    /// <summary>The innermost open element that decides the rules (the standard's "reset the insertion mode").</summary>
    private string Mode()
    {
        for (var i = open.Count - 1; i >= 0; i--)
        {
            var element = open[i];
            if (element.Namespace == HtmlNamespace.Html &&
                (HtmlTagSets.ModeElements.Contains(element.LocalName) || element.LocalName is "body" or "html" or "head"))
            {
                return element.LocalName;
            }
        }

        return "body";
    }

    /// <summary>Handles a start tag under a table or select; false where the "in body" rules apply as they are.</summary>
    private bool StartInTableOrSelect(StartTag tag) => Mode() switch
    {
        "select" => StartInSelect(tag),
        "td" or "th" => StartInCell(tag),
        "tr" => StartInRow(tag),
        "tbody" or "thead" or "tfoot" => StartInTableBody(tag),
        "caption" => StartInCaption(tag),
        "colgroup" => StartInColumnGroup(tag),
        "table" => StartInTable(tag),
        _ => false,
    };

    private bool EndInTableOrSelect(string name) => Mode() switch
    {
        "select" => EndInSelect(name),
        "td" or "th" => EndInCell(name),
        "tr" => EndInRow(name),
        "tbody" or "thead" or "tfoot" => EndInTableBody(name),
        "caption" => EndInCaption(name),
        "colgroup" => EndInColumnGroup(name),
        "table" => EndInTable(name),
        _ => false,
    };

    private static bool IsTablePart(string name) =>
        name is "caption" or "col" or "colgroup" or "tbody" or "td" or "tfoot" or "th" or "thead" or "tr";

    private bool StartInTable(StartTag tag)
    {
        switch (tag.Name)
        {
            case "caption":
                ClearTo(static n => n is "table" or "template" or "html");
                Insert(tag);
                PushMarker();
                return true;
            case "colgroup" or "tbody" or "tfoot" or "thead":
                ClearTo(static n => n is "table" or "template" or "html");
                Insert(tag);
                return true;
            case "col":
                ClearTo(static n => n is "table" or "template" or "html");
                Insert(new StartTag("colgroup", [], false));
                InsertVoid(tag);
                return true;
            case "td" or "th" or "tr":
                ClearTo(static n => n is "table" or "template" or "html");
                Insert(new StartTag("tbody", [], false));
                return StartInTableBody(tag);
            case "table":
                if (InScope("table", Scope.Table))
                {
                    PopUntil("table");
                    StartInBodyPhase(tag);
                }

                return true;
            case "style" or "script" or "template":
                return false;
            case "input" when string.Equals(tag.Attributes.FirstOrDefault(a => a.Name == "type").Value, "hidden", StringComparison.OrdinalIgnoreCase):
                InsertVoid(tag);
                return true;
            case "form":
                if (form is null && !HasOpen("template"))
                {
                    form = Insert(tag);
                    Pop();
                }

                return true;
            default:
                // Anything else in a table is moved before it.
                fosterParenting = true;
                StartInBody(tag);
                fosterParenting = false;
                return true;
        }
    }

    private bool EndInTable(string name)
    {
        switch (name)
        {
            case "table":
                if (InScope("table", Scope.Table))
                {
                    PopUntil("table");
                }

                return true;
            case "body" or "html":
                return true;
            case var _ when IsTablePart(name):
                return true;
            case "template":
                return false;
            default:
                fosterParenting = true;
                EndInBody(name);
                fosterParenting = false;
                return true;
        }
    }

    private bool StartInTableBody(StartTag tag)
    {
        switch (tag.Name)
        {
            case "tr":
                ClearTo(static n => n is "tbody" or "tfoot" or "thead" or "template" or "html");
                Insert(tag);
                return true;
            case "th" or "td":
                ClearTo(static n => n is "tbody" or "tfoot" or "thead" or "template" or "html");
                Insert(new StartTag("tr", [], false));
                return StartInRow(tag);
            case "caption" or "col" or "colgroup" or "tbody" or "tfoot" or "thead":
                if (!InScope(static n => HtmlTagSets.TableSections.Contains(n), Scope.Table))
                {
                    return true;
                }

                ClearTo(static n => n is "tbody" or "tfoot" or "thead" or "template" or "html");
                Pop();
                return StartInTable(tag);
            default:
                return StartInTable(tag);
        }
    }

    private bool EndInTableBody(string name)
    {
        switch (name)
        {
            case "tbody" or "tfoot" or "thead":
                if (InScope(name, Scope.Table))
                {
                    ClearTo(static n => n is "tbody" or "tfoot" or "thead" or "template" or "html");
                    Pop();
                }

                return true;
            case "table":
                if (InScope(static n => HtmlTagSets.TableSections.Contains(n), Scope.Table))
                {
                    ClearTo(static n => n is "tbody" or "tfoot" or "thead" or "template" or "html");
                    Pop();
                    return EndInTable(name);
                }

                return true;
            case "body" or "caption" or "col" or "colgroup" or "html" or "td" or "th" or "tr":
                return true;
            default:
                return EndInTable(name);
        }
    }

    private bool StartInRow(StartTag tag)
    {
        switch (tag.Name)
        {
            case "th" or "td":
                ClearTo(static n => n is "tr" or "template" or "html");
                Insert(tag);
                PushMarker();
                return true;
            case "caption" or "col" or "colgroup" or "tbody" or "tfoot" or "thead" or "tr":
                if (!InScope("tr", Scope.Table))
                {
                    return true;
                }

                ClearTo(static n => n is "tr" or "template" or "html");
                Pop();
                return StartInTableBody(tag);
            default:
                return StartInTable(tag);
        }
    }

    private bool EndInRow(string name)
    {
        switch (name)
        {
            case "tr" or "table" or "tbody" or "tfoot" or "thead":
                if ((name is "tbody" or "tfoot" or "thead" && !InScope(name, Scope.Table)) || !InScope("tr", Scope.Table))
                {
                    return true;
                }

                ClearTo(static n => n is "tr" or "template" or "html");
                Pop();
                return name == "tr" || EndInTableBody(name);
            case "body" or "caption" or "col" or "colgroup" or "html" or "td" or "th":
                return true;
            default:
                return EndInTable(name);
        }
    }

    private bool StartInCell(StartTag tag)
    {
        if (!IsTablePart(tag.Name))
        {
            return false;
        }

        if (InScope(static n => n is "td" or "th", Scope.Table))
        {
            CloseCell();
            StartInBodyPhase(tag);
        }

        return true;
    }

    private bool EndInCell(string name)
    {
        switch (name)
        {
            case "td" or "th":
                if (InScope(name, Scope.Table))
                {
                    PopUntil(name);
                    ClearFormattingToMarker();
                }

                return true;
            case "body" or "caption" or "col" or "colgroup" or "html":
                return true;
            case "table" or "tbody" or "tfoot" or "thead" or "tr":
                if (InScope(name, Scope.Table))
                {
                    CloseCell();
                    EndInBodyPhase(name);
                }

                return true;
            default:
                return false;
        }
    }

    private bool StartInCaption(StartTag tag)
    {
        if (!IsTablePart(tag.Name))
        {
            return false;
        }

        if (InScope("caption", Scope.Table))
        {
            PopUntil("caption");
            ClearFormattingToMarker();
            StartInBodyPhase(tag);
        }

        return true;
    }

    private bool EndInCaption(string name)
    {
        switch (name)
        {
            case "caption" or "table":
                if (InScope("caption", Scope.Table))
                {
                    PopUntil("caption");
                    ClearFormattingToMarker();
                    if (name == "table")
                    {
                        EndInBodyPhase(name);
                    }
                }

                return true;
            case "body" or "col" or "colgroup" or "html" or "tbody" or "td" or "tfoot" or "th" or "thead" or "tr":
                return true;
            default:
                return false;
        }
    }

    private bool StartInColumnGroup(StartTag tag)
    {
        switch (tag.Name)
        {
            case "html" or "template":
                return false;
            case "col":
                InsertVoid(tag);
                return true;
            default:
                Pop();
                StartInBodyPhase(tag);
                return true;
        }
    }

    private bool EndInColumnGroup(string name)
    {
        switch (name)
        {
            case "colgroup":
                Pop();
                return true;
            case "col":
                return true;
            case "template":
                return false;
            default:
                Pop();
                EndInBodyPhase(name);
                return true;
        }
    }

    private bool StartInSelect(StartTag tag)
    {
        var name = tag.Name;
        if (IsTablePart(name) && name is not ("col" or "colgroup") || name == "table")
        {
            if (SelectIsInTable())
            {
                PopUntil("select");
                StartInBodyPhase(tag);
                return true;
            }
        }

        switch (name)
        {
            case "html" or "script" or "template":
                return false;
            case "option":
                PopIf("option");
                Insert(tag);
                return true;
            case "optgroup":
                PopIf("option");
                PopIf("optgroup");
                Insert(tag);
                return true;
            case "hr":
                PopIf("option");
                PopIf("optgroup");
                InsertVoid(tag);
                return true;
            case "select":
                if (InScope("select", Scope.Select))
                {
                    PopUntil("select");
                }

                return true;
            case "input" or "keygen" or "textarea":
                if (InScope("select", Scope.Select))
                {
                    PopUntil("select");
                    StartInBodyPhase(tag);
                }

                return true;
            default:
                // Other markup inside a select is kept, as browsers now do (customisable select).
                return false;
        }
    }

    private bool EndInSelect(string name)
    {
        if ((name is "caption" or "table" or "tbody" or "tfoot" or "thead" or "tr" or "td" or "th") && SelectIsInTable())
        {
            if (InScope(name, Scope.Table))
            {
                PopUntil("select");
                EndInBodyPhase(name);
            }

            return true;
        }

        switch (name)
        {
            case "optgroup":
                if (Current.LocalName == "option" && open.Count > 1 && open[^2].LocalName == "optgroup")
                {
                    Pop();
                }

                PopIf("optgroup");
                return true;
            case "option":
                PopIf("option");
                return true;
            case "select":
                if (InScope("select", Scope.Select))
                {
                    PopUntil("select");
                }

                return true;
            default:
                return false;
        }
    }

    private bool SelectIsInTable()
    {
        var select = open.FindLastIndex(e => e.LocalName == "select" && e.Namespace == HtmlNamespace.Html);
        for (var i = select - 1; i >= 0; i--)
        {
            if (open[i].LocalName == "template")
            {
                return false;
            }

            if (open[i].LocalName == "table")
            {
                return true;
            }
        }

        return false;
    }

    private void CloseCell()
    {
        PopUntilAny(static e => e.Namespace == HtmlNamespace.Html && e.LocalName is "td" or "th");
        ClearFormattingToMarker();
    }

    private void PopIf(string name)
    {
        if (Current.LocalName == name && Current.Namespace == HtmlNamespace.Html)
        {
            Pop();
        }
    }

    private void ClearTo(Func<string, bool> context)
    {
        while (open.Count > 1 && !(Current.Namespace == HtmlNamespace.Html && context(Current.LocalName)))
        {
            Pop();
        }
    }
}
