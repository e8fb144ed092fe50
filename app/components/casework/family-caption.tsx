/** The caption above a family sub-page's heading: the family's name and reference, each isolated for right-to-left pages. */
export function FamilyCaption({ family }: { family: { name: string; reference: string } }) {
  return (
    <span className="govuk-caption-l">
      <bdi>{family.name}</bdi> · <bdi>{family.reference}</bdi>
    </span>
  );
}
