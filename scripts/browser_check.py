#!/usr/bin/env python3
"""Opens a page in Debian's headless Chromium and drives it over the DevTools protocol (a pipe, so only the
standard library): network emulated offline, every request, console message, exception and log entry
recorded, then the steps of a JSON file run in order. Prints one JSON object.

usage: browser_check.py URL STEPS.json [--width W --height H]
steps: {"eval": "JS expression"}                  -> its value
       {"click_each": "CSS selector", "read": "CSS selector"}
                                                   -> for each element: a real mouse click at its centre, then
                                                      the text of `read` (or null)
       {"wait": "milliseconds"}                    -> null, after that long (animations end)
       {"screenshot": "file.png"}                  -> the viewport as PNG
"""
import base64, json, os, shutil, subprocess, sys, tempfile, time


class Browser:
    def __init__(self, width, height):
        self.profile = tempfile.mkdtemp(prefix="geomap-chromium-")
        to_browser_r, self.to_browser = os.pipe()
        self.from_browser, from_browser_w = os.pipe()

        def wire():
            # The pipe's own numbers may be 3 or 4: copy both out of the way first, then onto 3 and 4.
            r, w = os.dup(to_browser_r), os.dup(from_browser_w)
            os.dup2(r, 3)
            os.dup2(w, 4)

        self.proc = subprocess.Popen(
            ["chromium", "--headless", "--disable-gpu", "--no-sandbox", "--remote-debugging-pipe",
             "--user-data-dir=" + self.profile, "--no-first-run", "--no-default-browser-check", "--disable-extensions",
             "--disable-background-networking", "--disable-component-update", "--disable-sync", "--mute-audio",
             "--window-size=%d,%d" % (width, height), "about:blank"],
            preexec_fn=wire, close_fds=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_browser_r)
        os.close(from_browser_w)
        self.buffer = b""
        self.next_id = 0
        self.events = []
        self.session = None

    def send(self, method, params=None, session=True, timeout=60):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session and self.session:
            message["sessionId"] = self.session
        os.write(self.to_browser, json.dumps(message).encode() + b"\0")
        deadline = time.time() + timeout
        while True:
            m = self.read(deadline)
            if m is None:
                raise TimeoutError(method)
            if m.get("id") == self.next_id:
                if "error" in m:
                    raise RuntimeError("%s: %s" % (method, m["error"]))
                return m.get("result", {})
            self.events.append(m)

    def read(self, deadline):
        while b"\0" not in self.buffer:
            if time.time() > deadline:
                return None
            chunk = os.read(self.from_browser, 1 << 20)
            if not chunk:
                raise RuntimeError("chromium closed the pipe")
            self.buffer += chunk
        raw, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(raw)

    def wait_for(self, method, timeout=30):
        deadline = time.time() + timeout
        for i, e in enumerate(self.events):
            if e.get("method") == method:
                return self.events.pop(i)
        while True:
            m = self.read(deadline)
            if m is None:
                raise TimeoutError(method)
            if m.get("method") == method:
                return m
            self.events.append(m)

    def evaluate(self, expression):
        r = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True, "awaitPromise": True})
        if "exceptionDetails" in r:
            raise RuntimeError("evaluate %r: %s" % (expression[:80], r["exceptionDetails"].get("exception", {}).get("description")))
        return r["result"].get("value")

    def close(self):
        try:
            self.send("Browser.close", session=False, timeout=5)
        except Exception:
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        shutil.rmtree(self.profile, ignore_errors=True)


def main():
    url, steps_path = sys.argv[1], sys.argv[2]
    width = int(sys.argv[sys.argv.index("--width") + 1]) if "--width" in sys.argv else 1400
    height = int(sys.argv[sys.argv.index("--height") + 1]) if "--height" in sys.argv else 900
    steps = json.load(open(steps_path))
    b = Browser(width, height)
    out = {"results": []}
    try:
        target = b.send("Target.createTarget", {"url": "about:blank"}, session=False)["targetId"]
        b.session = b.send("Target.attachToTarget", {"targetId": target, "flatten": True}, session=False)["sessionId"]
        for m in ["Runtime.enable", "Log.enable", "Page.enable", "Network.enable"]:
            b.send(m)
        b.send("Network.emulateNetworkConditions", {"offline": True, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1})
        b.send("Emulation.setDeviceMetricsOverride", {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})
        b.send("Page.navigate", {"url": url})
        b.wait_for("Page.loadEventFired")
        deadline = time.time() + 30
        ready = None
        while ready is None and time.time() < deadline:
            ready = b.evaluate("document.documentElement.getAttribute('data-geomap-ready')")
            if ready is None:
                time.sleep(0.05)
        out["ready_ms"] = float(ready) if ready is not None else None
        for step in steps:
            if "eval" in step:
                out["results"].append(b.evaluate(step["eval"]))
            elif "click_each" in step:
                count = b.evaluate("document.querySelectorAll(%s).length" % json.dumps(step["click_each"]))
                texts = []
                for i in range(count):
                    # Where the element is now: an opened popup may have panned the map.
                    b.evaluate("window.geomap && window.geomap.map.closePopup(), true")
                    time.sleep(0.3)   # a closed popup fades out for 200 ms and takes clicks meanwhile
                    x, y = b.evaluate("(r => [r.left + r.width / 2, r.top + r.height / 2])(document.querySelectorAll(%s)[%d].getBoundingClientRect())"
                                      % (json.dumps(step["click_each"]), i))
                    for kind in ["mousePressed", "mouseReleased"]:
                        b.send("Input.dispatchMouseEvent", {"type": kind, "x": x, "y": y, "button": "left", "clickCount": 1})
                    time.sleep(0.5)   # the popup opens and the map pans to show it
                    texts.append(b.evaluate("(e => e ? e.textContent : null)(document.querySelector(%s))" % json.dumps(step["read"])))
                out["results"].append(texts)
            elif "wait" in step:
                time.sleep(float(step["wait"]) / 1000)
                out["results"].append(None)
            elif "screenshot" in step:
                png = b.send("Page.captureScreenshot", {"format": "png"})["data"]
                with open(step["screenshot"], "wb") as f:
                    f.write(base64.b64decode(png))
                out["results"].append(step["screenshot"])
        time.sleep(0.2)
        b.send("Runtime.evaluate", {"expression": "1"})   # collect the events sent meanwhile
    finally:
        b.close()
    out["console"] = [{"type": e["params"]["type"], "text": " ".join(str(a.get("value", a.get("description", ""))) for a in e["params"]["args"])}
                      for e in b.events if e.get("method") == "Runtime.consoleAPICalled"]
    def exception(d):
        thrown = d.get("exception", {})
        return "%s %s (line %s, column %s)" % (d.get("text", ""), thrown.get("description") or thrown.get("value") or "", d.get("lineNumber"), d.get("columnNumber"))
    out["exceptions"] = [exception(e["params"]["exceptionDetails"]) for e in b.events if e.get("method") == "Runtime.exceptionThrown"]
    out["log"] = [{"level": e["params"]["entry"]["level"], "source": e["params"]["entry"]["source"], "text": e["params"]["entry"]["text"]}
                  for e in b.events if e.get("method") == "Log.entryAdded"]
    out["requests"] = [e["params"]["request"]["url"][:200] for e in b.events if e.get("method") == "Network.requestWillBeSent"]
    json.dump(out, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
