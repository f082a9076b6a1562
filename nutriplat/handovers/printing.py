"""A handover as a printable HTML page: the stored document as it was handed over,
nothing recomputed."""
from __future__ import annotations

from jinja2 import Environment

from nutriplat.handovers.models import Handover

_PAGE = Environment(autoescape=True).from_string("""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Handover {{ d.client.given_name }} {{ d.client.family_name }} {{ h.transferred_on }}</title>
<style>
 body { font: 11pt/1.4 system-ui, sans-serif; margin: 2cm; color: #222 }
 table { border-collapse: collapse } td, th { padding: 3px 8px; border-bottom: 1px solid #ddd; text-align: left }
 h2 { font-size: 12pt; margin-top: 1.2em } @media print { body { margin: 1cm } }
</style></head><body>
<h1>Handover: {{ d.client.given_name }} {{ d.client.family_name }} (born {{ d.client.birth_date }})</h1>
<p>Transfer on {{ h.transferred_on }} from {{ h.from_setting or "—" }} to {{ h.to_setting }}
{% if d.transfer.reason %}({{ d.transfer.reason }}){% endif %}</p>
<h2>Texture and drinks</h2>
<p>IDDSI food level {{ d.texture.iddsi_food_level }}, drink level {{ d.texture.iddsi_drink_level }}</p>
<h2>Allergies</h2><p>{{ d.allergies | join(", ") or "None recorded" }}</p>
<h2>Targets in force</h2>
{% if d.targets %}<table>{% for name, value in d.targets.items() %}<tr><th>{{ name }}</th>
<td>{{ value | round | int }}</td></tr>{% endfor %}</table>
{% else %}<p>Not computed (no weight or height).</p>{% endif %}
<h2>Meal plan</h2>
{% if d.meal_plan %}<p>Approved plan {{ d.meal_plan.id }}, week of {{ d.meal_plan.week_start }}
(revision {{ d.meal_plan.revision }}){% if d.meal_plan.mean_daily_targets %}: per day
{{ d.meal_plan.mean_daily_targets.energy_kcal }} kcal, {{ d.meal_plan.mean_daily_targets.protein_g }} g protein,
{{ d.meal_plan.mean_daily_targets.fluid_ml }} mL fluid{% endif %}.</p>{% else %}<p>No approved plan.</p>{% endif %}
<h2>Screenings</h2>
{% if d.screenings %}<table>{% for s in d.screenings %}<tr><th>{{ s.instrument }}</th><td>{{ s.performed_on }}</td>
<td>{{ s.risk | replace("_", " ") }}</td><td>{{ s.total_score if s.total_score is not none else "" }}</td></tr>
{% endfor %}</table>{% else %}<p>None.</p>{% endif %}
{% if d.glim %}<p>GLIM ({{ d.glim.assessed_on }}): {{ "malnourished" if d.glim.malnourished else "not malnourished" }}
{% if d.glim.stage %}, stage {{ d.glim.stage }}{% endif %}</p>{% endif %}
<h2>Weight</h2>
{% if d.weight_trend %}<table>{% for w in d.weight_trend.weights %}<tr><td>{{ w.on }}</td><td>{{ w.kg }} kg</td></tr>
{% endfor %}</table><p>Change: {{ d.weight_trend.change_kg }} kg
{% if d.weight_trend.change_percent is not none %}({{ d.weight_trend.change_percent }} %){% endif %}</p>
{% else %}<p>No weight in the last three months.</p>{% endif %}
<h2>Open alerts</h2>
{% if d.open_alerts %}<ul>{% for a in d.open_alerts %}
<li>{{ a.severity }}: {{ a.cause }} (since {{ a.first_detected_on }})</li>
{% endfor %}</ul>{% else %}<p>None.</p>{% endif %}
</body></html>
""")


def to_html(handover: Handover) -> str:
    return _PAGE.render(h=handover, d=handover.document)
