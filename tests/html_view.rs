//! The HTML view (`govgraph export --format html`) as a user sees it, in headless
//! Chromium: `--dump-dom` reads the DOM the page's script built (the career strip,
//! the time slider's list of events, the legend, the details), and a screenshot is
//! checked to be a drawn PNG of the window's size. Chromium missing fails the test
//! with the command that installs it (`scripts/deps/export.sh`).
//!
//! See: the note "the HTML view, looked at as a user would" (tenure issue, HTML).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use govgraph::graph::{Edge, Evidence, GovGraph, Node, NodeKind, Relation};

mod common;
use common::{govgraph, root, run, temp_dir};

fn need(tool: &str) {
    let found = Command::new("sh")
        .arg("-c")
        .arg(format!("command -v {tool}"))
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(
        found,
        "{tool} is not installed: run scripts/deps/export.sh (or scripts/test.sh)"
    );
}

/// The page of the graph of b_R01 (王建国 removed as 区长 of 福田区, 李文华
/// appointed 副区长 and acting 区长, then seen as 代区长) and the seed articles,
/// built once for every test here.
fn b_r01_page() -> &'static Path {
    static PAGE: OnceLock<PathBuf> = OnceLock::new();
    PAGE.get_or_init(|| {
        let d = temp_dir("b_r01");
        run(govgraph()
            .arg("build")
            .arg(root().join("tests/cases/b_R01.txt"))
            .arg(root().join("seeds"))
            .arg("-o")
            .arg(&d)
            .arg("-q"));
        export(&d.join("graph.json"), &d.join("view.html"))
    })
}

fn export(graph: &Path, page: &Path) -> PathBuf {
    export_with(graph, page, &[])
}

/// The page of `graph`, exported with the options `args` (filters).
fn export_with(graph: &Path, page: &Path, args: &[&str]) -> PathBuf {
    run(govgraph()
        .arg("export")
        .arg("--graph")
        .arg(graph)
        .arg("--format")
        .arg("html")
        .args(args)
        .arg("-o")
        .arg(page));
    page.to_path_buf()
}

/// Runs headless Chromium on `page` with `query` after its address; `name` keeps
/// each run's profile apart.
fn chromium(page: &Path, query: &str, name: &str, extra: &[&str]) -> String {
    need("chromium");
    // One browser at a time, as in tests/export.rs.
    static ONE: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let _one = ONE.lock().unwrap_or_else(|e| e.into_inner());
    let profile = temp_dir(&format!("profile-{name}"));
    let out = Command::new("chromium")
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            "--window-size=1000,700",
            "--virtual-time-budget=4000",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(extra)
        .arg(format!("file://{}{query}", page.display()))
        .output()
        .expect("chromium runs");
    assert!(
        out.status.success(),
        "chromium failed ({}):\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    let _ = std::fs::remove_dir_all(&profile);
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn dom(page: &Path, query: &str, name: &str) -> String {
    let dom = chromium(page, query, name, &["--dump-dom"]);
    assert!(
        dom.contains("data-ready=\"1\""),
        "the page's script did not finish:\n{dom}"
    );
    dom
}

/// The markup of the element that starts with `open` (up to its closing `close`).
fn section<'a>(dom: &'a str, open: &str, close: &str) -> &'a str {
    let start = dom
        .find(open)
        .unwrap_or_else(|| panic!("no {open} in the page:\n{dom}"));
    let len = dom[start..].find(close).unwrap_or(dom.len() - start);
    &dom[start..start + len]
}

/// The value of `attr` in the first tag of `markup`.
fn attr<'a>(markup: &'a str, attr: &str) -> Option<&'a str> {
    let tag = &markup[..markup.find('>').unwrap_or(markup.len())];
    let at = tag.find(&format!(" {attr}=\""))? + attr.len() + 3;
    Some(&tag[at..at + tag[at..].find('"')?])
}

/// The career strip's rows: (title, dates as shown, the row's markup).
fn career_rows(dom: &str) -> Vec<(String, String, String)> {
    let strip = section(dom, "<div id=\"career\"", "</ol>");
    assert!(
        !strip.starts_with("<div id=\"career\" hidden"),
        "the career strip is hidden:\n{strip}"
    );
    strip
        .split("<li class=\"post")
        .skip(1)
        .map(|row| {
            let text_of = |class: &str| {
                let open = format!("class=\"{class}");
                let at = row
                    .find(&open)
                    .unwrap_or_else(|| panic!("no {class}: {row}"));
                let from = at + row[at..].find('>').unwrap() + 1;
                row[from..from + row[from..].find('<').unwrap()].to_string()
            };
            (
                text_of("post-title"),
                text_of("post-dates"),
                row.to_string(),
            )
        })
        .collect()
}

#[test]
fn the_career_strip_lists_li_wenhua_s_posts_in_time_order() {
    let dom = dom(b_r01_page(), "?search=李文华", "career");
    assert!(dom.contains("data-selected=\"person:李文华\""), "{dom}");
    let rows = career_rows(&dom);
    let titles: Vec<&str> = rows.iter().map(|r| r.0.as_str()).collect();
    let at = |t: &str| {
        titles
            .iter()
            .position(|x| *x == t)
            .unwrap_or_else(|| panic!("no {t} in the career strip: {titles:?}"))
    };
    // Appointed 副区长 and acting 区长 on 2024-11-20, then seen as 代区长 on the
    // 25th and as 区委副书记: the posts in time order, acting written as 代.
    assert!(at("副区长") < at("代区长"), "{titles:?}");
    assert!(at("代区长") < at("区委副书记"), "{titles:?}");
    assert!(
        !titles.contains(&"区长"),
        "the acting post lost its 代: {titles:?}"
    );
    let row = |t: &str| &rows[at(t)];
    assert_eq!(row("副区长").1, "2024-11-20");
    assert_eq!(row("代区长").1, "2024-11-20 – 2024-11-25");
    assert_eq!(row("区委副书记").1, "2024-11-25");
    for r in &rows {
        assert!(r.2.contains("福田区"), "no district on the row: {}", r.2);
    }
    // Every row with a date has its bar; the personnel facts are marks with their kind.
    assert!(
        row("代区长").2.contains("class=\"bar acting\""),
        "{}",
        row("代区长").2
    );
    assert!(row("区委副书记").2.contains("class=\"bar\""));
    assert!(
        row("副区长")
            .2
            .contains("data-change=\"appointed\" data-date=\"2024-11-20\""),
        "{}",
        row("副区长").2
    );
    assert!(
        row("代区长")
            .2
            .contains("data-change=\"acting\" data-date=\"2024-11-20\""),
        "{}",
        row("代区长").2
    );
    assert!(
        row("代区长")
            .2
            .contains("acting 2024-11-20 (福田区人大常委会)")
    );
    // The axis runs over his dates.
    let strip = section(&dom, "<div id=\"career\"", "</div></div>");
    assert!(strip.contains("2024-11-20") && strip.contains("2024-11-25"));
}

#[test]
fn the_career_strip_marks_a_removal_and_goes_with_the_selection() {
    let dom = dom(b_r01_page(), "?search=王建国", "removed");
    let rows = career_rows(&dom);
    let post = rows
        .iter()
        .find(|r| r.0 == "区长")
        .unwrap_or_else(|| panic!("王建国's 区长 post is not on the strip: {rows:?}"));
    assert!(
        post.2
            .contains("data-change=\"removed\" data-date=\"2024-11-20\""),
        "{}",
        post.2
    );
    assert!(post.1.starts_with("2024-06-12"), "{}", post.1);
    assert!(post.1.ends_with("2024-11-20"), "{}", post.1);

    // A district has no career: the strip stays hidden.
    let dom = crate::dom(b_r01_page(), "?search=福田区", "district");
    assert!(dom.contains("data-selected=\"district:福田区\""));
    assert!(dom.contains("<div id=\"career\" hidden"), "{dom}");
}

/// The events the time slider keeps, as listed under it, by id.
fn events_listed(dom: &str) -> Vec<String> {
    section(dom, "<ol id=\"range-list\"", "</ol>")
        .split("<li class=\"event\"")
        .skip(1)
        .filter_map(|li| attr(li, "data-id").map(str::to_string))
        .collect()
}

#[test]
fn the_time_slider_hides_events_outside_the_range() {
    let page = b_r01_page();
    let early = "event:2024-06-12:福田区:福田区数字经济发展大会";
    let late = "event:2024-11-25:福田区:区政府常务会议";

    let all = dom(page, "", "time-all");
    let listed = events_listed(&all);
    assert!(listed.iter().any(|e| e == early), "{listed:?}");
    assert!(listed.iter().any(|e| e == late), "{listed:?}");
    assert!(all.contains("all dates: "), "{all}");

    let dom = dom(page, "?from=2024-11-01&to=2024-11-30", "time-nov");
    let listed = events_listed(&dom);
    assert!(listed.iter().any(|e| e == late), "{listed:?}");
    assert!(
        !listed.iter().any(|e| e == early),
        "an event of June is shown in November: {listed:?}"
    );
    assert!(
        listed
            .iter()
            .all(|e| e.as_str() >= "event:2024-11-01" && e.as_str() < "event:2024-12"),
        "{listed:?}"
    );
    assert!(
        dom.contains("<div id=\"time-label\">2024-11-01 – 2024-11-30</div>"),
        "the chosen dates are not shown"
    );
    let shown = |d: &str| -> usize {
        let at = d.find("data-events-shown=\"").unwrap() + 19;
        d[at..at + d[at..].find('"').unwrap()].parse().unwrap()
    };
    assert_eq!(shown(&dom), listed.len());
    assert!(shown(&dom) < shown(&all));

    // The June meeting, looked up, says why it is not drawn.
    let dom = crate::dom(
        page,
        "?from=2024-11-01&to=2024-11-30&search=数字经济发展大会",
        "time-hidden",
    );
    assert!(dom.contains(&format!("data-selected=\"{early}\"")), "{dom}");
    assert!(
        dom.contains("<p class=\"note\" id=\"hidden-note\">hidden by the current filters</p>"),
        "{}",
        section(&dom, "<div id=\"details\"", "</dl>")
    );

    // 王建国 was seen as 区长 in June and removed on 2024-11-20: his tenure
    // (first sighting to end) covers the autumn though no fact of his falls in
    // it, so he stays; after it, with nothing of his in the range, he is faded.
    let note = |d: &str| section(d, "id=\"hidden-note\"", "</p>").to_string();
    let autumn = crate::dom(
        page,
        "?from=2024-08-01&to=2024-10-31&search=王建国",
        "time-post",
    );
    assert!(note(&autumn).ends_with("\">"), "{}", note(&autumn));
    let dec = crate::dom(
        page,
        "?from=2024-11-21&to=2024-12-31&search=王建国",
        "time-faded",
    );
    assert!(
        note(&dec).contains("faded: no fact in the chosen time range"),
        "{}",
        note(&dec)
    );
}

#[test]
fn the_legend_lists_every_relation_in_its_own_colour() {
    let dom = dom(b_r01_page(), "", "legend");
    let legend = section(&dom, "<div id=\"legend\"", "</fieldset>");
    let mut colours = std::collections::BTreeSet::new();
    for r in Relation::ALL {
        let open = format!("data-relation=\"{}\"", r.as_str());
        let item = section(legend, &open, "</label>");
        assert!(
            item.contains(&format!("<span class=\"name\">{}</span>", r.as_str())),
            "{item}"
        );
        let at = item
            .find("background: ")
            .unwrap_or_else(|| panic!("no colour for {}: {item}", r.as_str()));
        colours.insert(item[at..at + item[at..].find(';').unwrap()].to_string());
    }
    assert_eq!(colours.len(), Relation::ALL.len(), "{colours:?}");
    // Counts of the graph's edges: b_R01 gives two appointments and one removal.
    assert!(legend.contains("appointed</span> (2)"), "{legend}");
    assert!(legend.contains("removed</span> (1)"), "{legend}");
}

#[test]
fn article_text_in_names_titles_and_evidence_stays_text() {
    const PWN: &str = "document.body.setAttribute('data-pwned','1')";
    let img = format!("<img src=x onerror={PWN}>");
    let mut g = GovGraph::new();
    let person = format!("{img}黑客");
    g.add_node(Node::new(NodeKind::Person, person.clone()));
    g.add_node(Node::new(NodeKind::District, "<b>某区</b>"));
    let mut event = Node::new(NodeKind::Event, format!("<svg onload={PWN}>会议"));
    event.date = Some("2024-05-01".into());
    g.add_node(event);
    let pid = format!("person:{person}");
    let evidence = Evidence {
        doc: format!("<iframe srcdoc=\"<script>{PWN}</script>\">.txt").into(),
        start: 0,
        end: 9,
        text: format!("<script>{PWN}</script>{img}").into(),
    };
    let mut post = Edge::new(pid.clone(), "district:<b>某区</b>", Relation::HoldsPost);
    post.title = Some("<i>区长</i>".into());
    post.start = Some("2024-04-01".into());
    post.last_seen = Some("2024-05-01".into());
    post.acting = true;
    post.evidence = vec![evidence.clone()];
    g.add_edge(post);
    let mut appointed = Edge::new(pid.clone(), "district:<b>某区</b>", Relation::Appointed);
    appointed.title = Some("<i>区长</i>".into());
    appointed.date = Some("2024-04-01".into());
    appointed.change = Some("acting".into());
    appointed.body = Some(format!("<script>{PWN}</script>人大"));
    appointed.evidence = vec![evidence.clone()];
    g.add_edge(appointed);
    let mut attended = Edge::new(
        pid,
        format!("event:<svg onload={PWN}>会议"),
        Relation::Attended,
    );
    attended.date = Some("2024-05-01".into());
    attended.evidence = vec![evidence];
    g.add_edge(attended);

    let d = temp_dir("hostile");
    std::fs::write(d.join("graph.json"), g.to_json()).unwrap();
    let page = export(&d.join("graph.json"), &d.join("view.html"));
    let dom = dom(
        &page,
        "?search=黑客&from=2024-01-01&to=2024-12-31",
        "hostile",
    );
    assert!(
        !dom.contains("data-pwned=\"1\""),
        "article text ran as code:\n{dom}"
    );
    for markup in [
        "<img src=\"x\"",
        "<svg onload",
        "<iframe",
        "<i>区长",
        "<b>某区",
    ] {
        assert!(
            !dom.contains(markup),
            "article text became markup ({markup}):\n{dom}"
        );
    }
    assert!(
        !dom.contains(&format!("<script>{PWN}")),
        "article text became a script:\n{dom}"
    );
    // And it is there, as text: in the details, the career strip and the events.
    let details = section(&dom, "<div id=\"details\"", "<div id=\"main\"");
    assert!(details.contains("&lt;img src=x onerror="), "{details}");
    assert!(details.contains("&lt;script&gt;document.body"), "{details}");
    let rows = career_rows(&dom);
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(rows[0].0, "代&lt;i&gt;区长&lt;/i&gt;");
    assert_eq!(rows[0].1, "2024-04-01 – 2024-05-01");
    assert!(
        rows[0].2.contains("&lt;b&gt;某区&lt;/b&gt;"),
        "{}",
        rows[0].2
    );
    assert!(
        rows[0].2.contains("(&lt;script&gt;document.body"),
        "{}",
        rows[0].2
    );
    let list = section(&dom, "<ol id=\"range-list\"", "</ol>");
    assert!(list.contains("&lt;svg onload="), "{list}");
}

/// Width and height of a PNG, from its IHDR chunk.
fn png_size(png: &[u8]) -> (u32, u32) {
    assert!(
        png.len() > 33 && png.starts_with(b"\x89PNG\r\n\x1a\n") && &png[12..16] == b"IHDR",
        "not a PNG"
    );
    let be = |b: &[u8]| u32::from_be_bytes([b[0], b[1], b[2], b[3]]);
    (be(&png[16..20]), be(&png[20..24]))
}

#[test]
fn the_view_of_a_selected_person_is_drawn_at_the_window_s_size() {
    need("python3");
    let page = b_r01_page();
    let d = temp_dir("shot");
    let shot = d.join("shot.png");
    chromium(
        page,
        "?search=李文华",
        "shot",
        &[&format!("--screenshot={}", shot.display())],
    );
    let png = std::fs::read(&shot).expect("chromium wrote the screenshot");
    assert_eq!(png_size(&png), (1000, 700));
    assert!(
        png.len() > 10_000,
        "a near-empty screenshot: {} bytes",
        png.len()
    );
    // Colour in the drawing (nodes, edges by relation, the career strip's bars).
    run(Command::new("python3")
        .current_dir(root())
        .arg("tests/export/check_png.py")
        .arg(&shot)
        .arg("300"));
}

#[test]
fn labels_are_chosen_not_all_drawn() {
    let dom = dom(b_r01_page(), "", "labels");
    let body = section(&dom, "<body", ">");
    let labels: usize = attr(body, "data-labels")
        .unwrap_or_else(|| panic!("no label count: {body}"))
        .parse()
        .unwrap();
    let nodes: usize = section(&dom, "<span id=\"node-count\">", "</span>")
        .trim_start_matches("<span id=\"node-count\">")
        .parse()
        .unwrap();
    // Every district at least, far from every node.
    assert!(labels >= 11, "{labels} labels");
    assert!(labels * 3 < nodes, "{labels} labels for {nodes} nodes");
}

/// The page with a script of the test's after the view's: it moves the slider's
/// thumbs as a drag does (value, then an `input` event), clicks the dates of 李文华's
/// 代区长 post on the career strip, and writes what the view then shows into
/// `data-check` attributes of the body.
#[test]
fn the_slider_s_thumbs_and_the_career_strip_set_the_range() {
    let html = std::fs::read_to_string(b_r01_page()).unwrap();
    let driver = r##"<script>
setTimeout(function () {
  var $ = function (id) { return document.getElementById(id); };
  var day = function (iso) { return String(Math.floor(Date.parse(iso) / 86400000)); };
  function seen() {
    var ids = [].map.call(document.querySelectorAll("#range-list li.event"), function (li) { return li.getAttribute("data-id"); });
    return [$("from").value, $("to").value, $("time-label").textContent, ids.join(",")].join("|");
  }
  $("time-lo").value = day("2024-11-01"); $("time-lo").dispatchEvent(new Event("input"));
  $("time-hi").value = day("2024-11-30"); $("time-hi").dispatchEvent(new Event("input"));
  document.body.setAttribute("data-check-drag", seen());
  $("time-lo").value = day("2024-12-20"); $("time-lo").dispatchEvent(new Event("input"));
  document.body.setAttribute("data-check-cross", seen());
  [].forEach.call(document.querySelectorAll("#career li.post"), function (li) {
    if (li.getAttribute("data-title") === "代区长") li.querySelector(".post-dates").click();
  });
  document.body.setAttribute("data-check-career", seen());
}, 300);
</script>
</body>"##;
    assert_eq!(html.matches("</body>").count(), 1);
    let d = temp_dir("drive");
    let page = d.join("view.html");
    std::fs::write(&page, html.replace("</body>", driver)).unwrap();
    let dom = dom(&page, "?search=李文华", "drive");
    let check = |name: &str| -> Vec<String> {
        let body = section(&dom, "<body", ">");
        attr(body, &format!("data-check-{name}"))
            .unwrap_or_else(|| panic!("the driver did not run: {body}"))
            .split('|')
            .map(str::to_string)
            .collect()
    };
    let late = "event:2024-11-25:福田区:区政府常务会议";
    let drag = check("drag");
    assert_eq!(
        drag[..3],
        ["2024-11-01", "2024-11-30", "2024-11-01 – 2024-11-30"]
    );
    assert!(drag[3].split(',').any(|e| e == late), "{drag:?}");
    assert!(!drag[3].contains("2024-06-12"), "{drag:?}");
    // A thumb dragged past the other stops at it.
    assert_eq!(check("cross")[..2], ["2024-11-30", "2024-11-30"]);
    // The 代区长 post's dates on the strip set the range to its tenure.
    let career = check("career");
    assert_eq!(
        career[..3],
        ["2024-11-20", "2024-11-25", "2024-11-20 – 2024-11-25"]
    );
    assert!(career[3].split(',').any(|e| e == late), "{career:?}");
}

/// Three invented articles of 南山区, one record each with its title, address,
/// date and outlet; the third's address is a `javascript:` one, as a scraper may
/// hand on.
const NEWS: &str = r#"{"id": "ns-001", "title": "南山区召开区委常委会会议", "url": "https://example.org/nanshan/2024/1203.html", "date": "2024-12-03", "source": "南山区融媒体中心", "text": "12月3日，南山区委书记张某某主持召开区委常委会会议。区长李某某出席会议。"}
{"id": "ns-002", "title": "南山区举行重点项目集中开工仪式", "url": "https://example.org/nanshan/2024/1205.html", "date": "2024-12-05", "source": "深圳特区报", "text": "12月5日，南山区举行重点项目集中开工仪式。区委书记张某某出席活动并宣布开工。"}
{"id": "ns-003", "title": "南山区召开安全生产工作会议", "url": "javascript:alert(1)", "date": "2024-12-06", "text": "12月6日，南山区召开安全生产工作会议。区长李某某主持会议并讲话。"}
"#;

/// The citations under the evidence of the details, one `<div class="cite"`
/// each, up to its closing `</div>`.
fn citations(dom: &str) -> Vec<&str> {
    let details = section(dom, "<div id=\"details\"", "<div id=\"main\"");
    details
        .match_indices("<div class=\"cite\"")
        .map(|(at, _)| section(&details[at..], "<div class=\"cite\"", "</div>"))
        .collect()
}

#[test]
fn evidence_cites_its_article_with_a_link_to_it() {
    let d = temp_dir("cite");
    let news = d.join("news.jsonl");
    std::fs::write(&news, NEWS).unwrap();
    let out = d.join("out");
    run(govgraph()
        .arg("build")
        .arg(&news)
        .arg("-o")
        .arg(&out)
        .arg("--formats")
        .arg("json,html")
        .arg("-q"));
    let page = out.join("graph.html");

    let dom = dom(&page, "?search=张某某", "cite");
    assert!(dom.contains("data-selected=\"person:张某某\""), "{dom}");
    let cites = citations(&dom);
    let first = cites
        .iter()
        .find(|c| c.contains("南山区召开区委常委会会议"))
        .unwrap_or_else(|| panic!("no evidence cites the article of 12月3日: {cites:?}"));
    assert!(
        first.contains(
            "<a class=\"url\" href=\"https://example.org/nanshan/2024/1203.html\" \
             target=\"_blank\" rel=\"noopener noreferrer\""
        ),
        "{first}"
    );
    assert!(first.contains("2024-12-03"), "{first}");
    assert!(first.contains("南山区融媒体中心"), "{first}");
    let second = cites
        .iter()
        .find(|c| c.contains("南山区举行重点项目集中开工仪式"))
        .unwrap_or_else(|| panic!("no evidence cites the article of 12月5日: {cites:?}"));
    assert!(
        second.contains("href=\"https://example.org/nanshan/2024/1205.html\""),
        "{second}"
    );
    assert!(second.contains("深圳特区报"), "{second}");

    // Documents are cited, not drawn: no node, no kind to tick.
    let g = GovGraph::from_json(&std::fs::read_to_string(out.join("graph.json")).unwrap()).unwrap();
    let documents = g
        .nodes()
        .iter()
        .filter(|n| n.kind == NodeKind::Document)
        .count();
    assert_eq!(documents, 3);
    assert!(
        dom.contains(&format!(
            "<span id=\"node-count\">{}</span>",
            g.node_count() - documents
        )),
        "{}",
        section(&dom, "<div id=\"counts\"", "</div>")
    );
    assert!(
        !section(&dom, "<div id=\"kinds\"", "</div>").contains("document"),
        "{dom}"
    );

    // The article whose address is javascript: is cited by its title, the
    // address shown as text and never as a link.
    let dom = crate::dom(&page, "?search=李某某", "cite-js");
    assert!(dom.contains("data-selected=\"person:李某某\""), "{dom}");
    let cites = citations(&dom);
    let bad = cites
        .iter()
        .find(|c| c.contains("南山区召开安全生产工作会议"))
        .unwrap_or_else(|| panic!("no evidence cites the article of 12月6日: {cites:?}"));
    assert!(bad.contains("2024-12-06"), "{bad}");
    assert!(bad.contains(">javascript:alert(1)</span>"), "{bad}");
    assert!(!bad.contains("<a "), "{bad}");
    let lower = dom.to_lowercase();
    assert!(
        !lower.contains("href=\"javascript:") && !lower.contains("href=\" javascript:"),
        "a javascript: address became a link:\n{dom}"
    );
    assert!(
        cites
            .iter()
            .any(|c| c.contains("href=\"https://example.org/"))
    );

    // A part cut out of the graph still cites the articles its filters dropped.
    let part = export_with(
        &out.join("graph.json"),
        &d.join("part.html"),
        &["--from", "2024-12-05"],
    );
    let dom = crate::dom(&part, "?search=张某某", "cite-part");
    let cites = citations(&dom);
    assert!(
        cites
            .iter()
            .any(|c| c.contains("南山区举行重点项目集中开工仪式")
                && c.contains("href=\"https://example.org/nanshan/2024/1205.html\"")),
        "{cites:?}"
    );
}
