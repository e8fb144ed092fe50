import type { Random } from "./random";
import type { Answers } from "~/models/survey/rules";

/** A plausible answer set for the default survey: mostly positive, some "does not apply". */
export function buildDefaultAnswers(random: Random, options: { language: string; comments?: boolean } = { language: "en" }): Answers {
  const agree = () => {
    const r = random.next();
    return r < 0.42 ? "strongly_agree" : r < 0.75 ? "agree" : r < 0.86 ? "neutral" : r < 0.92 ? "disagree" : r < 0.95 ? "strongly_disagree" : "na";
  };
  const answers: Answers = {
    listened: agree(),
    understood: agree(),
    right_time: agree(),
    better: agree(),
    recommend: agree(),
  };
  if (random.chance(0.85)) answers.score = String(Math.max(0, Math.min(10, Math.round(7.4 + (random.next() + random.next() + random.next() - 1.5) * 4))));
  if (random.chance(0.8)) answers.how_met = random.pick(["home", "home", "centre", "phone", "mix"]);
  if (random.chance(0.8)) {
    const picked = ["talk", "practical", "child", "parents", "services", "other"].filter(() => random.chance(0.35));
    if (picked.length) answers.helped_most = picked;
  }
  if (options.comments && random.chance(0.3)) answers.what_helped = random.pick(COMMENTS[options.language] ?? COMMENTS.en!);
  return answers;
}

const COMMENTS: Record<string, string[]> = {
  en: ["Having someone who listened and did not judge me.", "Help with the housing forms.", "The parenting course, and meeting other mums."],
  "fa-AF": ["کسی بود که به حرف‌هایم گوش بدهد.", "کمک با فورم‌های خانه."],
  ps: ["زما د ماشوم ښوونځي سره مرسته.", "څوک چې ورسره خبرې وکړم."],
  ar: ["المساعدة في تسجيل الأطفال في المدرسة."],
  ur: ["میری بات سننے والا کوئی تھا۔"],
  bn: ["স্কুলের সাথে যোগাযোগে সাহায্য।"],
  pl: ["Pomoc przy formularzach."],
  uk: ["Допомога зі школою для дітей."],
};
